import type { SearchDocument } from "~/modules/search/documents";
import { markdownToText } from "~/utils/markdown.server";
import type { ResourceInput } from "./library.schema.server";

export const resourceItemId = (slug: string) => `resource:${slug}`;

/** A published resource's language editions as search documents (none when unpublished). */
export function buildResourceDocuments(resource: ResourceInput): SearchDocument[] {
  if (resource.status !== "published") return [];
  return resource.editions.map((edition) => ({
    id: `${resourceItemId(resource.slug)}:${edition.locale}`,
    kind: "resource",
    itemId: resourceItemId(resource.slug),
    locale: edition.locale,
    title: edition.title,
    summary: edition.summary,
    body: markdownToText(edition.body),
    path: `/library/${resource.slug}`,
    type: resource.type,
    instruments: resource.tags.instruments,
    articles: resource.tags.articles,
    clusters: resource.tags.clusters,
    stages: resource.tags.stages,
    audiences: resource.tags.audiences,
    country: resource.country,
    year: Number(resource.publishedOn.slice(0, 4)),
  }));
}
