import { getTreatyLabels } from "~/modules/treaty/treaty.server";
import type { Locale } from "~/utils/i18n";
import type { AdminResourceQuery, ResourceInput } from "./library.schema.server";
import { getResourceInput, listResourcesForAdmin } from "./queries.server";

const PAGE_SIZE = 50;

/** The admin form's initial values for one edition of a resource (or a blank new one). */
function toEditorValues(resource: ResourceInput | null, editionLocale: Locale): Record<string, string> {
  if (!resource) return { locale: editionLocale, publishedOn: new Date().toISOString().slice(0, 10), issuingBody: "UNODC" };
  const edition = resource.editions.find((candidate) => candidate.locale === editionLocale);
  return {
    slug: resource.slug,
    type: resource.type,
    publishedOn: resource.publishedOn,
    issuingBody: resource.issuingBody,
    symbol: resource.symbol ?? "",
    country: resource.country ?? "",
    supersedes: resource.supersedesSlug ?? "",
    instruments: resource.tags.instruments.join(","),
    articles: resource.tags.articles.join(", "),
    clusters: resource.tags.clusters.join(","),
    stages: resource.tags.stages.join(","),
    audiences: resource.tags.audiences.join(","),
    locale: editionLocale,
    title: edition?.title ?? "",
    summary: edition?.summary ?? "",
    body: edition?.body ?? "",
    externalUrl: edition?.externalUrl ?? "",
  };
}

async function getEditorLabels(locale: Locale) {
  const treaty = await getTreatyLabels(locale);
  return {
    stages: Object.fromEntries(treaty.stages.map((stage) => [stage.code, stage.title])),
    instruments: Object.fromEntries(treaty.instruments.map((instrument) => [instrument.code, instrument.title])),
  };
}

/** The secretariat's list of resources, newest change first, a page of 50 at a time. */
export async function getAdminLibraryView(query: AdminResourceQuery) {
  const rows = await listResourcesForAdmin({ q: query.q, limit: PAGE_SIZE + 1, offset: (query.page - 1) * PAGE_SIZE });
  return {
    q: query.q ?? "",
    page: query.page,
    hasMore: rows.length > PAGE_SIZE,
    resources: rows.slice(0, PAGE_SIZE).map((row) => ({ ...row, updated_at: row.updated_at.toISOString(), locales: row.locales ?? [] })),
  };
}

/** The new-resource form: blank values in `locale` and the labels of its choices. */
export async function getNewResourceEditorView(locale: Locale) {
  return { values: toEditorValues(null, locale), labels: await getEditorLabels(locale) };
}

/**
 * The editor of a resource's `requested` edition (by default the reader's language when it has
 * one, else English), with the editions it has and the edition's file; null for an unknown slug.
 */
export async function getResourceEditorView(slug: string, locale: Locale, requested: Locale | undefined) {
  const resource = await getResourceInput(slug);
  if (!resource) return null;
  const edition = requested ?? (resource.editions.some((candidate) => candidate.locale === locale) ? locale : "en");
  return {
    slug: resource.slug,
    edition,
    editions: resource.editions.map((candidate) => candidate.locale),
    currentFile: resource.editions.find((candidate) => candidate.locale === edition)?.file?.name ?? null,
    values: toEditorValues(resource, edition),
    labels: await getEditorLabels(locale),
  };
}
