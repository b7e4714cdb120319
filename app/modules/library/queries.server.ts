import { sql } from "kysely";
import { getDb, type Executor } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import type { ResourceInput } from "./library.schema.server";

/** A resource in the shape the writers take (all editions), or null. */
export async function getResourceInput(slug: string, executor: Executor = getDb()): Promise<ResourceInput | null> {
  const resource = await executor
    .selectFrom("resource")
    .leftJoin("resource as older", "older.id", "resource.supersedes_id")
    .selectAll("resource")
    .select("older.slug as supersedes_slug")
    .where("resource.slug", "=", slug)
    .executeTakeFirst();
  if (!resource) return null;
  const editions = await executor.selectFrom("resource_edition").selectAll().where("resource_id", "=", resource.id).orderBy("locale").execute();
  return {
    slug: resource.slug,
    type: resource.type,
    publishedOn: resource.published_on,
    publishedPrecision: resource.published_precision,
    dateSource: resource.date_source,
    illustrative: resource.illustrative,
    issuingBody: resource.issuing_body,
    symbol: resource.symbol,
    country: resource.country_code,
    supersedesSlug: resource.supersedes_slug,
    status: resource.status,
    tags: { instruments: resource.instruments, articles: resource.articles, clusters: resource.clusters, stages: resource.stages, audiences: resource.audiences } as ResourceInput["tags"],
    editions: editions.map((edition) => ({
      locale: edition.locale as Locale,
      title: edition.title,
      summary: edition.summary,
      body: edition.body,
      externalUrl: edition.external_url,
      file: edition.file_key ? { key: edition.file_key, name: edition.file_name!, type: edition.file_type!, size: edition.file_size! } : null,
    })),
  };
}

/**
 * A published resource for its page: every edition, the one to show (the `edition` asked for, else
 * the one in `locale`, else English, else the first), the edition it supersedes and the one that
 * supersedes it.
 */
export async function getResourcePage(slug: string, locale: Locale, requestedEdition?: Locale) {
  const db = getDb();
  const resource = await db.selectFrom("resource").selectAll().where("slug", "=", slug).where("status", "=", "published").executeTakeFirst();
  if (!resource) return null;
  const [editions, older, newer] = await Promise.all([
    db.selectFrom("resource_edition").selectAll().where("resource_id", "=", resource.id).execute(),
    resource.supersedes_id
      ? db.selectFrom("resource").innerJoin("resource_edition as e", "e.resource_id", "resource.id").select(["resource.slug", "resource.published_on", "e.title", "e.locale"]).where("resource.id", "=", resource.supersedes_id).where("resource.status", "=", "published").execute()
      : Promise.resolve([]),
    db.selectFrom("resource").innerJoin("resource_edition as e", "e.resource_id", "resource.id").select(["resource.slug", "resource.published_on", "e.title", "e.locale"]).where("resource.supersedes_id", "=", resource.id).where("resource.status", "=", "published").execute(),
  ]);
  const pick = <T extends { locale: string }>(rows: T[]) => rows.find((row) => row.locale === locale) ?? rows.find((row) => row.locale === "en") ?? rows[0];
  const edition = editions.find((row) => row.locale === requestedEdition) ?? pick(editions)!;
  return {
    resource,
    edition,
    isFallback: edition.locale !== locale && edition.locale !== requestedEdition,
    editions: editions.map((other) => ({ locale: other.locale as Locale, title: other.title, hasFile: Boolean(other.file_key), externalUrl: other.external_url })),
    supersedes: older.length ? { slug: older[0]!.slug, title: pick(older)!.title, publishedOn: older[0]!.published_on } : null,
    supersededBy: newer.length ? { slug: newer[0]!.slug, title: pick(newer)!.title, publishedOn: newer[0]!.published_on } : null,
  };
}

/** Published resources sharing the most articles, clusters and stages with this one. */
export async function listRelatedResources(resource: { id: number; articles: string[]; clusters: string[]; stages: string[] }, locale: Locale, limit = 5) {
  const rows = await sql<{ slug: string; type: string; title: string; score: number }>`
    select r.slug, r.type,
      coalesce(mine.title, en.title) as title,
      (cardinality(array(select unnest(r.articles) intersect select unnest(${resource.articles}::text[]))) * 3
       + cardinality(array(select unnest(r.clusters) intersect select unnest(${resource.clusters}::text[]))) * 2
       + cardinality(array(select unnest(r.stages) intersect select unnest(${resource.stages}::text[])))) as score
    from resource r
    left join resource_edition mine on mine.resource_id = r.id and mine.locale = ${locale}
    left join resource_edition en on en.resource_id = r.id and en.locale = 'en'
    where r.id <> ${resource.id} and r.status = 'published'
      and (r.articles && ${resource.articles}::text[] or r.clusters && ${resource.clusters}::text[])
    order by score desc, r.published_on desc
    limit ${limit}
  `.execute(getDb());
  return rows.rows.filter((row) => row.title);
}

/** File metadata of one edition, for downloads. */
export async function getEditionFile(slug: string, locale: string) {
  return getDb()
    .selectFrom("resource_edition")
    .innerJoin("resource", "resource.id", "resource_edition.resource_id")
    .select(["resource_edition.file_key", "resource_edition.file_name", "resource_edition.file_type", "resource_edition.file_size"])
    .where("resource.slug", "=", slug)
    .where("resource.status", "=", "published")
    .where("resource_edition.locale", "=", locale)
    .where("resource_edition.file_key", "is not", null)
    .executeTakeFirst();
}

/** Every resource for the secretariat's list, with its editions' languages. */
export async function listResourcesForAdmin(options: { q?: string; limit: number; offset: number }) {
  let query = getDb()
    .selectFrom("resource")
    .leftJoin("resource_edition as en", (join) => join.onRef("en.resource_id", "=", "resource.id").on("en.locale", "=", "en"))
    .select((eb) => [
      "resource.slug",
      "resource.type",
      "resource.status",
      "resource.published_on",
      "resource.updated_at",
      "en.title",
      eb
        .selectFrom("resource_edition as e")
        .select(sql<string[]>`array_agg(e.locale order by e.locale)`.as("locales"))
        .whereRef("e.resource_id", "=", "resource.id")
        .as("locales"),
    ])
    .orderBy("resource.updated_at", "desc")
    .limit(options.limit)
    .offset(options.offset);
  if (options.q) query = query.where((eb) => eb.or([eb("resource.slug", "ilike", `%${options.q}%`), eb("en.title", "ilike", `%${options.q}%`)]));
  return query.execute();
}

/** Everything tagged with an article, across kinds, from the search documents (one row per item). */
export async function listTaggedWithArticle(ref: string, locale: Locale) {
  return sql<{ item_id: string; kind: string; type: string; title: string; path: string; locale: string }>`
    select distinct on (item_id) item_id, kind, type, title, path, locale
    from search_document
    where articles @> array[${ref}]::text[]
    order by item_id, (locale = ${locale}) desc, (locale = 'en') desc
  `
    .execute(getDb())
    .then((result) => result.rows);
}
