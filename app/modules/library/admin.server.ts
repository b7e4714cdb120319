import { getTreatyLabels } from "~/modules/treaty/treaty.server";
import type { Locale } from "~/utils/i18n";
import type { ResourceInput } from "./library.schema.server";

/** The admin form's initial values for one edition of a resource (or a blank new one). */
export function toEditorValues(resource: ResourceInput | null, editionLocale: Locale): Record<string, string> {
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

export async function getEditorLabels(locale: Locale) {
  const treaty = await getTreatyLabels(locale);
  return {
    stages: Object.fromEntries(treaty.stages.map((stage) => [stage.code, stage.title])),
    instruments: Object.fromEntries(treaty.instruments.map((instrument) => [instrument.code, instrument.title])),
  };
}
