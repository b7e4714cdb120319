/**
 * A library resource's public page as one display-ready view: the edition shown (the reader's
 * language, a requested one or a fallback), its Markdown rendered, dates and sizes formatted, tags
 * labelled in the reader's language, and the related resources.
 */
import { listCountries } from "~/modules/countries/countries.server";
import { recordNotice } from "~/modules/provenance/provenance.server";
import { getArticleTitles, getTreatyLabels } from "~/modules/treaty/treaty.server";
import { formatFileSize, formatPublished } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { renderMarkdown } from "~/utils/markdown.server";
import { getResourcePage, listRelatedResources } from "./queries.server";

/** The page of `slug` in `locale` (showing `requestedEdition` when given), or null when there is none. */
export async function getResourcePageView(slug: string, locale: Locale, requestedEdition?: Locale) {
  const page = await getResourcePage(slug, locale, requestedEdition);
  if (!page) return null;
  const { resource, edition } = page;
  const [related, treaty, articleTitles] = await Promise.all([listRelatedResources(resource, locale), getTreatyLabels(locale), getArticleTitles(resource.articles, locale)]);
  const label = (items: Array<{ code: string; title: string }>, code: string) => items.find((item) => item.code === code)?.title ?? code;
  return {
    slug: resource.slug,
    type: resource.type,
    published: formatPublished(resource.published_on, resource.published_precision, locale),
    dateSource: resource.date_source,
    // A demonstration entry says so, whatever else the page shows.
    notice: resource.illustrative ? recordNotice("library", resource.issuing_body) : null,
    issuingBody: resource.issuing_body,
    symbol: resource.symbol,
    country: resource.country_code ? (listCountries(locale).find((country) => country.code === resource.country_code)?.name ?? resource.country_code) : null,
    tags: {
      instruments: resource.instruments.map((code) => ({ code, label: label(treaty.instruments, code) })),
      articles: resource.articles.map((ref) => {
        const [instrument, number] = ref.split(":") as [string, string];
        return { ref, instrument, number, title: articleTitles.get(ref) ?? "" };
      }),
      clusters: resource.clusters.map((code) => ({ code, label: label(treaty.clusters, code) })),
      stages: resource.stages.map((code) => ({ code, label: label(treaty.stages, code) })),
      audiences: resource.audiences,
    },
    edition: {
      locale: edition.locale,
      title: edition.title,
      summary: edition.summary,
      // Secretariat-written Markdown, rendered with raw HTML escaped (see markdown.server.ts).
      bodyHtml: renderMarkdown(edition.body),
      externalUrl: edition.external_url,
      file: edition.file_key ? { type: edition.file_type!.split("/").pop()?.toUpperCase() ?? "", size: formatFileSize(edition.file_size!, locale) } : null,
    },
    isFallback: page.isFallback,
    editions: page.editions,
    supersedes: page.supersedes ? { slug: page.supersedes.slug, title: page.supersedes.title, year: page.supersedes.publishedOn.slice(0, 4) } : null,
    supersededBy: page.supersededBy,
    related,
  };
}

export type ResourcePageView = NonNullable<Awaited<ReturnType<typeof getResourcePageView>>>;
