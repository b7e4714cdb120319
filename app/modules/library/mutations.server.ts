import { recordAudit } from "~/modules/audit/audit.server";
import { sendJob } from "~/modules/jobs/jobs.server";
import { replaceSearchDocuments } from "~/modules/search/index.server";
import { getDb, type Executor } from "~/utils/db.server";
import { buildResourceDocuments, resourceItemId } from "./documents.server";
import type { EditionInput, ResourceForm, ResourceInput } from "./library.schema.server";
import { getResourceInput } from "./queries.server";
import { readResourceFiles } from "./content.server";

export class LibraryError extends Error {
  constructor(readonly key: "unknownSupersedes" | "supersedesItself" | "slugTaken" | "notFound") {
    super(key);
  }
}

/**
 * Writes a resource and all its editions by slug (insert or update), and replaces its search
 * documents, in the caller's transaction. Returns the resource id.
 */
export async function upsertResource(trx: Executor, input: ResourceInput, origin: "content" | "admin"): Promise<number> {
  let supersedesId: number | null = null;
  if (input.supersedesSlug) {
    if (input.supersedesSlug === input.slug) throw new LibraryError("supersedesItself");
    const older = await trx.selectFrom("resource").select("id").where("slug", "=", input.supersedesSlug).executeTakeFirst();
    if (!older) throw new LibraryError("unknownSupersedes");
    supersedesId = older.id;
  }
  const values = {
    slug: input.slug,
    type: input.type,
    published_on: input.publishedOn,
    published_precision: input.publishedPrecision,
    date_source: input.dateSource,
    illustrative: input.illustrative,
    issuing_body: input.issuingBody,
    symbol: input.symbol,
    country_code: input.country,
    supersedes_id: supersedesId,
    status: input.status,
    instruments: input.tags.instruments,
    articles: input.tags.articles,
    clusters: input.tags.clusters,
    stages: input.tags.stages,
    audiences: input.tags.audiences,
  };
  const { id } = await trx
    .insertInto("resource")
    .values({ ...values, origin })
    .onConflict((oc) => oc.column("slug").doUpdateSet({ ...values, updated_at: new Date() }))
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.deleteFrom("resource_edition").where("resource_id", "=", id).execute();
  await trx
    .insertInto("resource_edition")
    .values(
      input.editions.map((edition) => ({
        resource_id: id,
        locale: edition.locale,
        title: edition.title,
        summary: edition.summary,
        body: edition.body,
        external_url: edition.externalUrl,
        file_key: edition.file?.key ?? null,
        file_name: edition.file?.name ?? null,
        file_type: edition.file?.type ?? null,
        file_size: edition.file?.size ?? null,
      })),
    )
    .execute();
  await replaceSearchDocuments(trx, [resourceItemId(input.slug)], buildResourceDocuments(input));
  return id;
}

async function afterCommit() {
  await sendJob("search.sync").catch((error) => console.error("[library] could not queue search.sync:", String(error)));
}

/**
 * Saves one language edition from the admin form: creates the resource when the slug is new
 * (or `originalSlug` is null), else updates its shared fields and that edition. Audit-logged.
 */
export async function saveResourceEdition(
  form: ResourceForm,
  options: { actorId: string; originalSlug: string | null; file?: EditionInput["file"] },
): Promise<{ slug: string }> {
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const existing = options.originalSlug ? await getResourceInput(options.originalSlug, trx) : null;
      if (options.originalSlug && !existing) throw new LibraryError("notFound");
      if (!existing || form.slug !== options.originalSlug) {
        const taken = await trx.selectFrom("resource").select("id").where("slug", "=", form.slug).executeTakeFirst();
        if (taken) throw new LibraryError("slugTaken");
      }
      const previousEdition = existing?.editions.find((edition) => edition.locale === form.locale);
      const edition: EditionInput = {
        locale: form.locale,
        title: form.title,
        summary: form.summary,
        body: form.body,
        externalUrl: form.externalUrl,
        file: options.file ?? previousEdition?.file ?? null,
      };
      const input: ResourceInput = {
        slug: form.slug,
        type: form.type,
        publishedOn: form.publishedOn,
        // The form edits a full date: an unchanged date keeps what is known of it and its source.
        publishedPrecision: existing?.publishedOn === form.publishedOn ? existing.publishedPrecision : "day",
        dateSource: existing?.publishedOn === form.publishedOn ? existing.dateSource : null,
        illustrative: existing?.illustrative ?? false,
        issuingBody: form.issuingBody,
        symbol: form.symbol,
        country: form.country,
        supersedesSlug: form.supersedes,
        status: existing?.status ?? "published",
        tags: { instruments: form.instruments, articles: form.articles, clusters: form.clusters, stages: form.stages, audiences: form.audiences },
        editions: [...(existing?.editions.filter((other) => other.locale !== form.locale) ?? []), edition],
      };
      if (existing && form.slug !== options.originalSlug) {
        // A renamed resource keeps its row (and the editions that point at it).
        await trx.updateTable("resource").set({ slug: form.slug }).where("slug", "=", options.originalSlug!).execute();
        await replaceSearchDocuments(trx, [resourceItemId(options.originalSlug!)], []);
      }
      const id = await upsertResource(trx, input, "admin");
      await recordAudit(trx, {
        actorId: options.actorId,
        action: existing ? "resource.update" : "resource.create",
        entityType: "resource",
        entityId: String(id),
        details: { slug: form.slug, locale: form.locale, previousSlug: options.originalSlug },
      });
    });
  await afterCommit();
  return { slug: form.slug };
}

export async function setResourceStatus(slug: string, status: "published" | "unpublished", actorId: string) {
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const input = await getResourceInput(slug, trx);
      if (!input) throw new LibraryError("notFound");
      const id = await upsertResource(trx, { ...input, status }, "admin");
      await recordAudit(trx, { actorId, action: `resource.${status === "published" ? "publish" : "unpublish"}`, entityType: "resource", entityId: String(id), details: { slug } });
    });
  await afterCommit();
}

/** Deletes a resource, its editions and its search documents; returns the stored file keys to remove. */
export async function deleteResource(slug: string, actorId: string): Promise<string[]> {
  const fileKeys = await getDb()
    .transaction()
    .execute(async (trx) => {
      const resource = await trx.selectFrom("resource").select("id").where("slug", "=", slug).executeTakeFirst();
      if (!resource) throw new LibraryError("notFound");
      const files = await trx.selectFrom("resource_edition").select("file_key").where("resource_id", "=", resource.id).where("file_key", "is not", null).execute();
      await trx.deleteFrom("resource").where("id", "=", resource.id).execute();
      await replaceSearchDocuments(trx, [resourceItemId(slug)], []);
      await recordAudit(trx, { actorId, action: "resource.delete", entityType: "resource", entityId: String(resource.id), details: { slug } });
      return files.map((file) => file.file_key!);
    });
  await afterCommit();
  return fileKeys;
}

/**
 * Loads content/resources into the library (the curated set), in dependency order so that
 * `supersedes` always points at a row that exists. The search outbox is pushed by the caller.
 */
export async function seedResources() {
  const resources = await readResourceFiles();
  const bySlug = new Map(resources.map((resource) => [resource.slug, resource]));
  const ordered: ResourceInput[] = [];
  const visit = (resource: ResourceInput, trail: Set<string>) => {
    if (ordered.includes(resource)) return;
    if (trail.has(resource.slug)) throw new Error(`content/resources: supersedes cycle at ${resource.slug}`);
    const older = resource.supersedesSlug ? bySlug.get(resource.supersedesSlug) : undefined;
    if (older) visit(older, new Set([...trail, resource.slug]));
    ordered.push(resource);
  };
  for (const resource of resources) visit(resource, new Set());
  await getDb()
    .transaction()
    .execute(async (trx) => {
      for (const resource of ordered) await upsertResource(trx, resource, "content");
    });
  return ordered.length;
}
