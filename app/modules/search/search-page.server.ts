import { listCountries } from "~/modules/countries/countries.server";
import { getTreatyLabels } from "~/modules/treaty/treaty.server";
import type { Locale } from "~/utils/i18n";
import { FACET_NAMES, parseSearchParams, type FacetName, type SearchFilters } from "./search.schema";
import { searchContent } from "./search.server";

/**
 * Everything a search page (or its JSON twin) needs: the parsed request, the results with facet
 * counts, and labels for facet values in the reader's language.
 */
export async function loadSearchPage(request: Request, locale: Locale, options: { defaults?: SearchFilters; facets?: FacetName[] } = {}) {
  const parsed = parseSearchParams(new URL(request.url).searchParams, options.defaults);
  const [result, treaty] = await Promise.all([
    searchContent({ q: parsed.q, locale, filters: parsed.filters, page: parsed.page, facets: options.facets ?? FACET_NAMES, notices: parsed.notices }),
    getTreatyLabels(locale),
  ]);
  const countryCodes = new Set([...(result.facets.country ?? []).map((facet) => facet.value), ...result.hits.map((hit) => hit.country).filter(Boolean)]);
  const countries = Object.fromEntries(listCountries(locale).filter((country) => countryCodes.has(country.code)).map((country) => [country.code, country.name]));
  return {
    query: { q: parsed.q, filters: parsed.filters, page: parsed.page },
    result,
    labels: {
      instruments: Object.fromEntries(treaty.instruments.map((item) => [item.code, item.title])),
      clusters: Object.fromEntries(treaty.clusters.map((item) => [item.code, item.title])),
      stages: Object.fromEntries(treaty.stages.map((item) => [item.code, item.title])),
      countries,
    },
  };
}

export type SearchPageData = Awaited<ReturnType<typeof loadSearchPage>>;

/** The open-data form of a search: the same results, no markup. */
export function toOpenData(data: SearchPageData, origin: string) {
  const { result, query } = data;
  return {
    query,
    backend: result.backend,
    notices: result.notices,
    total: result.total,
    page: result.page,
    perPage: result.perPage,
    results: result.hits.map((hit) => ({
      id: hit.id,
      kind: hit.kind,
      type: hit.type,
      language: hit.locale,
      title: hit.title.map((part) => part.text).join(""),
      snippet: hit.snippet.map((part) => part.text).join(""),
      url: new URL(hit.locale === "en" ? hit.path : `/${hit.locale}${hit.path}`, origin).toString(),
      instruments: hit.instruments,
      articles: hit.articles,
      clusters: hit.clusters,
      stages: hit.stages,
      country: hit.country,
      year: hit.year,
    })),
    facets: result.facets,
  };
}
