import { RESOURCE_TYPES } from "../../../db/schema/library";
import { AUDIENCES, CLUSTERS, INSTRUMENTS, STAGES } from "~/modules/treaty/vocabulary";
import { LOCALES } from "~/utils/i18n";
import { SEARCH_KINDS } from "./documents";

/** The facets a search can be narrowed by: URL parameter → index field, and what a valid value looks like. */
export const FACETS = {
  kind: { field: "kind", valid: (value: string) => (SEARCH_KINDS as readonly string[]).includes(value) },
  type: { field: "type", valid: (value: string) => ([...RESOURCE_TYPES, ...SEARCH_KINDS] as readonly string[]).includes(value) },
  instrument: { field: "instruments", valid: (value: string) => (INSTRUMENTS as readonly string[]).includes(value) },
  article: { field: "articles", valid: (value: string) => /^(untoc|tip|som|firearms):\d{1,3}(bis|ter)?$/.test(value) },
  cluster: { field: "clusters", valid: (value: string) => (CLUSTERS as readonly string[]).includes(value) },
  stage: { field: "stages", valid: (value: string) => (STAGES as readonly string[]).includes(value) },
  audience: { field: "audiences", valid: (value: string) => (AUDIENCES as readonly string[]).includes(value) },
  language: { field: "locale", valid: (value: string) => (LOCALES as readonly string[]).includes(value) },
  country: { field: "country", valid: (value: string) => /^[A-Z]{3}$/.test(value) },
  year: { field: "year", valid: (value: string) => /^(19|20)\d\d$/.test(value) },
} as const;
export type FacetName = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];
export type SearchFilters = Partial<Record<FacetName, string[]>>;

export const MAX_QUERY_LENGTH = 500;
export const PER_PAGE = 20;

export type SearchNotice = "queryTruncated" | "filterIgnored" | "limitedResults";

export type SearchRequest = { q: string; filters: SearchFilters; page: number; notices: SearchNotice[] };

/**
 * Reads a search from URL parameters. Never throws: an over-long query is cut, unknown facets or
 * values are dropped, and each such repair is reported as a notice the page shows.
 */
export function parseSearchParams(params: URLSearchParams, defaults: SearchFilters = {}): SearchRequest {
  const notices: SearchNotice[] = [];
  let q = (params.get("q") ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH);
    notices.push("queryTruncated");
  }
  const filters: SearchFilters = {};
  for (const name of FACET_NAMES) {
    const values = params.getAll(name).flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
    const valid = [...new Set(values.filter((value) => FACETS[name].valid(value)))].slice(0, 20);
    if (valid.length !== new Set(values).size && values.length) notices.push("filterIgnored");
    if (valid.length) filters[name] = valid;
    else if (defaults[name] && !params.has(name)) filters[name] = defaults[name];
  }
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return { q, filters, page: Number.isFinite(page) && page >= 1 && page <= 250 ? page : 1, notices: [...new Set(notices)] };
}

/**
 * Facets of which a reader picks one value at a time: clicking another value replaces the chosen
 * one. Clicking a value of any other facet adds it, and values of one facet are alternatives (OR).
 * Facet counts follow the same rule, so that a count is what clicking its value returns (decision 0012).
 */
export const ONE_AT_A_TIME: readonly FacetName[] = ["language"];

/** The facets each search page offers, in display order. */
export const LIBRARY_FACETS: FacetName[] = ["type", "cluster", "stage", "instrument", "article", "language", "audience", "country", "year"];
export const SEARCH_FACETS: FacetName[] = ["kind", "type", "cluster", "stage", "instrument", "article", "language", "country", "year"];
