import { sql, type RawBuilder } from "kysely";
import { getDb } from "~/utils/db.server";
import { LOCALES, type Locale } from "~/utils/i18n";
import { getMeili, getSearchStatus, indexName, type SearchBackend } from "./client.server";
import type { SearchDocument, SearchKind } from "./documents";
import { ensureSearchIndex, LIVE_INDEX } from "./index.server";
import { FACET_NAMES, FACETS, ONE_AT_A_TIME, PER_PAGE, type FacetName, type SearchFilters, type SearchNotice } from "./search.schema";

/** Highlighted text as segments, so the page can render <mark> without injecting HTML. */
export type Highlighted = Array<{ text: string; match: boolean }>;

/** A search result: the document's identity and tags, with highlighted title and snippet. */
export type SearchHit = Pick<SearchDocument, "id" | "kind" | "itemId" | "locale" | "path" | "type" | "instruments" | "articles" | "clusters" | "stages" | "country" | "year"> & {
  title: Highlighted;
  snippet: Highlighted;
};

export type SearchResult = {
  hits: SearchHit[];
  total: number;
  page: number;
  perPage: number;
  facets: Partial<Record<FacetName, Array<{ value: string; count: number }>>>;
  backend: SearchBackend;
  notices: SearchNotice[];
};

export type SearchParams = {
  q?: string;
  locale: Locale;
  filters: SearchFilters;
  page?: number;
  perPage?: number;
  /** Which facet counts to compute (none by default). */
  facets?: FacetName[];
};

const PRE = "\u0002";
const POST = "\u0003";

export function splitHighlights(text: string): Highlighted {
  const segments: Highlighted = [];
  for (const part of text.split(PRE)) {
    const [marked, rest] = part.includes(POST) ? part.split(POST) : [null, part];
    if (marked) segments.push({ text: marked, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

/**
 * One search behind a facet's counts, besides the page's own (which counts the facets nobody has
 * picked a value of). Each count must be what clicking its value returns (decision 0012):
 * - a language is picked one at a time and shows that language's editions, so the language facet
 *   counts editions, over the other filters only, without the reader's-edition rule;
 * - a value of a facet that already has picked values is added to them (they are alternatives), so
 *   its count is the page's total plus the results that have it and none of the picked ones:
 *   the facet is counted over the other filters with the picked values excluded.
 */
export type FacetCounting = { facet: FacetName; filters: SearchFilters; exclude: string[]; editions: boolean };

export function facetCountings(filters: SearchFilters, wanted: FacetName[]): FacetCounting[] {
  return wanted.flatMap((facet): FacetCounting[] => {
    const picked = filters[facet] ?? [];
    const others = { ...filters, [facet]: undefined };
    if (ONE_AT_A_TIME.includes(facet)) return [{ facet, filters: others, exclude: [], editions: facet === "language" }];
    return picked.length ? [{ facet, filters: others, exclude: picked, editions: false }] : [];
  });
}

type Distribution = Record<string, number>;

/** A facet's values and counts from the page's search (`own`) and its counting search, if any. */
export function facetValues(facet: FacetName, filters: SearchFilters, total: number, own: Distribution | undefined, counted: Distribution | undefined) {
  const picked = filters[facet] ?? [];
  const counts = new Map<string, number>();
  if (ONE_AT_A_TIME.includes(facet)) {
    for (const [value, count] of Object.entries(counted ?? {})) counts.set(value, count);
  } else if (picked.length) {
    for (const value of new Set([...Object.keys(own ?? {}), ...Object.keys(counted ?? {})])) {
      counts.set(value, picked.includes(value) ? (own?.[value] ?? 0) : total + (counted?.[value] ?? 0));
    }
  } else {
    for (const [value, count] of Object.entries(own ?? {})) counts.set(value, count);
  }
  // A picked value stays listed, even with nothing left, so the reader can undo it.
  for (const value of picked) if (!counts.has(value)) counts.set(value, 0);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const quote = (value: string) => `"${value.replace(/["\\]/g, "")}"`;

/**
 * The Meilisearch filter for `filters`, with `exclude`d values of one facet, and the reader's
 * edition of each item only (`primaryFor`) unless languages were picked or editions are counted.
 */
function meiliFilter(filters: SearchFilters, locale: Locale, options: { exclude?: { facet: FacetName; values: string[] }; editions?: boolean } = {}): string[][] {
  // Values are validated against each facet's pattern before they get here; quoting is belt and braces.
  const filter = FACET_NAMES.filter((name) => filters[name]?.length).map((name) => filters[name]!.map((value) => `${FACETS[name].field} = ${quote(value)}`));
  if (options.exclude) for (const value of options.exclude.values) filter.push([`NOT ${FACETS[options.exclude.facet].field} = ${quote(value)}`]);
  if (!options.editions && !filters.language?.length) filter.push([`primaryFor = ${quote(locale)}`]);
  return filter;
}

async function searchMeili(params: SearchParams): Promise<Omit<SearchResult, "backend" | "notices">> {
  const meili = getMeili()!;
  await ensureSearchIndex();
  const page = params.page ?? 1;
  const perPage = params.perPage ?? PER_PAGE;
  const locale = params.locale;
  const indexUid = indexName(LIVE_INDEX);
  const q = params.q ?? "";
  // One edition per item: the reader's own (or the fallback edition) unless they asked for
  // particular languages; `distinct` is needed only when several were asked for.
  const languages = params.filters.language ?? [];
  const wanted = params.facets ?? [];
  const countings = facetCountings(params.filters, wanted);
  // The page's own counts serve every facet but those picked one value at a time.
  const ownFacets = wanted.filter((name) => !ONE_AT_A_TIME.includes(name));
  // The page's search and the searches behind its facet counts go in one request.
  const { results } = await meili.multiSearch({
    queries: [
      {
        indexUid,
        q,
        filter: meiliFilter(params.filters, locale),
        page,
        hitsPerPage: perPage,
        ...(languages.length > 1 ? { distinct: "itemId" } : {}),
        facets: ownFacets.map((name) => FACETS[name].field),
        // Meilisearch takes no wildcards here: name each language's field.
        attributesToHighlight: LOCALES.map((code) => `title_${code}`),
        attributesToCrop: LOCALES.map((code) => `summary_${code}`),
        cropLength: 28,
        highlightPreTag: PRE,
        highlightPostTag: POST,
        // Only retrieved fields come back formatted; bodies stay out of the response (too large).
        attributesToRetrieve: ["docId", "kind", "itemId", "locale", "path", "type", "instruments", "articles", "clusters", "stages", "country", "year", ...LOCALES.flatMap((code) => [`title_${code}`, `summary_${code}`])],
      },
      ...countings.map((counting) => ({
        indexUid,
        q,
        filter: meiliFilter(counting.filters, locale, { exclude: { facet: counting.facet, values: counting.exclude }, editions: counting.editions }),
        page: 1,
        hitsPerPage: 0,
        facets: [FACETS[counting.facet].field],
      })),
    ],
  });
  const response = results[0]!;
  const facetDistribution = response.facetDistribution ?? {};
  const hits = response.hits.map((hit) => {
    const formatted = (hit._formatted ?? {}) as Record<string, string>;
    const hitLocale = hit.locale as Locale;
    const snippet = formatted[`summary_${hitLocale}`] ?? "";
    return {
      id: hit.docId as string,
      kind: hit.kind as SearchKind,
      itemId: hit.itemId as string,
      locale: hitLocale,
      title: splitHighlights(formatted[`title_${hitLocale}`] ?? ""),
      snippet: splitHighlights(snippet),
      path: hit.path as string,
      type: hit.type as string,
      instruments: hit.instruments as string[],
      articles: hit.articles as string[],
      clusters: hit.clusters as string[],
      stages: hit.stages as string[],
      country: (hit.country as string | null) ?? null,
      year: (hit.year as number | null) ?? null,
    };
  });
  const total = response.totalHits ?? hits.length;
  const counted = new Map(countings.map((counting, index) => [counting.facet, results[index + 1]!.facetDistribution?.[FACETS[counting.facet].field] ?? {}]));
  const facets: SearchResult["facets"] = {};
  for (const name of wanted) facets[name] = facetValues(name, params.filters, total, facetDistribution[FACETS[name].field], counted.get(name));
  return { hits, total, page, perPage, facets };
}

const ARRAY_FIELDS = new Set(["instruments", "articles", "clusters", "stages", "audiences"]);

/**
 * The fallback's WHERE clause: the query text on any edition, the filters, and `exclude`d values
 * of one facet. Each item is counted once however many of its editions match (`count(distinct
 * item_id)`), and a language filter keeps that language's editions: the same answers as Meilisearch.
 */
function postgresWhere(q: string, filters: SearchFilters, exclude?: { facet: FacetName; values: string[] }) {
  const conditions = [sql`true`];
  if (q) conditions.push(sql`(d.tsv @@ websearch_to_tsquery('simple', ${q}) or d.title ilike ${`%${q.replace(/[%_\\]/g, "\\$&")}%`})`);
  const matches = (name: FacetName, values: string[]) => {
    const field = FACETS[name].field;
    const column = sql.ref(`d.${field}`);
    if (ARRAY_FIELDS.has(field)) return sql`${column} && ${values}::text[]`;
    if (name === "year") return sql`${column} = any(${values.map(Number)}::int[])`;
    return sql`${column} = any(${values}::text[])`;
  };
  for (const name of FACET_NAMES) {
    const values = filters[name];
    if (values?.length) conditions.push(matches(name, values));
  }
  if (exclude?.values.length) conditions.push(sql`not coalesce(${matches(exclude.facet, exclude.values)}, false)`);
  return sql.join(conditions, sql` and `);
}

async function countItems(where: RawBuilder<unknown>) {
  const result = await sql<{ count: number }>`select count(distinct d.item_id)::int as count from search_document d where ${where}`.execute(getDb());
  return result.rows[0]!.count;
}

/** The same search on PostgreSQL full-text search: same filters and facets, plainer ranking and snippets. */
async function searchPostgres(params: SearchParams): Promise<Omit<SearchResult, "backend" | "notices">> {
  const db = getDb();
  const page = params.page ?? 1;
  const perPage = params.perPage ?? PER_PAGE;
  const q = (params.q ?? "").trim();
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  const where = postgresWhere(q, params.filters);
  // Without a query there is no rank: order by language preference, then recency (no constant
  // in ORDER BY, which PostgreSQL would read as a column position).
  const rank = q ? sql`ts_rank(d.tsv, ${query})` : sql`null::real`;
  // One row per item: the reader's language edition when the item has one, else the best match.
  const rows = await sql<{
    id: string;
    kind: string;
    item_id: string;
    locale: string;
    title: string;
    snippet: string;
    path: string;
    type: string;
    instruments: string[];
    articles: string[];
    clusters: string[];
    stages: string[];
    country: string | null;
    year: number | null;
    total: number;
  }>`
    with matching as (
      select distinct on (d.item_id) d.*, ${rank} as rank
      from search_document d
      where ${where}
      order by d.item_id, (d.locale = ${params.locale}) desc, ${rank} desc nulls last
    )
    select id, kind, item_id, locale, title, path, type, instruments, articles, clusters, stages, country, year,
      ${q ? sql`ts_headline('simple', summary, ${query}, ${`StartSel=${PRE}, StopSel=${POST}, MaxWords=35, MinWords=15`})` : sql`summary`} as snippet,
      count(*) over () as total
    from matching
    order by rank desc nulls last, year desc nulls last, title
    limit ${perPage} offset ${(page - 1) * perPage}
  `.execute(db);

  const total = rows.rows[0]?.total ?? (page === 1 ? 0 : await countItems(where));
  const wanted = params.facets ?? [];
  const countings = facetCountings(params.filters, wanted);
  const distribution = (name: FacetName, condition: RawBuilder<unknown>) => {
    const field = FACETS[name].field;
    const value = ARRAY_FIELDS.has(field) ? sql`unnest(d.${sql.ref(field)})` : sql`d.${sql.ref(field)}::text`;
    return sql<{ value: string; count: number }>`
      select v as value, count(distinct item_id)::int as count
      from (select ${value} as v, d.item_id from search_document d where ${condition}) facet
      where v is not null group by v order by count desc, v limit 200
    `
      .execute(db)
      .then((result) => Object.fromEntries(result.rows.map((row) => [row.value, row.count])) as Record<string, number>);
  };
  const [own, counted] = await Promise.all([
    Promise.all(wanted.map((name) => (ONE_AT_A_TIME.includes(name) ? undefined : distribution(name, where)))),
    Promise.all(countings.map((counting) => distribution(counting.facet, postgresWhere(q, counting.filters, { facet: counting.facet, values: counting.exclude })))),
  ]);
  const facets: SearchResult["facets"] = {};
  wanted.forEach((name, index) => {
    const countedIndex = countings.findIndex((counting) => counting.facet === name);
    facets[name] = facetValues(name, params.filters, total, own[index], countedIndex === -1 ? undefined : counted[countedIndex]);
  });
  return {
    hits: rows.rows.map((row) => ({
      id: row.id,
      kind: row.kind as SearchKind,
      itemId: row.item_id,
      locale: row.locale as Locale,
      title: [{ text: row.title, match: false }],
      snippet: splitHighlights(row.snippet),
      path: row.path,
      type: row.type,
      instruments: row.instruments,
      articles: row.articles,
      clusters: row.clusters,
      stages: row.stages,
      country: row.country,
      year: row.year,
    })),
    total,
    page,
    perPage,
    facets,
  };
}

/**
 * Searches everything on the platform. Uses Meilisearch when it answers; otherwise PostgreSQL,
 * and says so with the `limitedResults` notice. Never throws for bad input.
 */
export async function searchContent(params: SearchParams & { notices?: SearchNotice[] }): Promise<SearchResult> {
  const notices = [...(params.notices ?? [])];
  if ((await getSearchStatus()) === "meilisearch") {
    try {
      return { ...(await searchMeili(params)), backend: "meilisearch", notices };
    } catch (error) {
      console.error("[search] Meilisearch failed, answering from PostgreSQL:", String(error));
    }
  }
  return { ...(await searchPostgres(params)), backend: "postgres-fallback", notices: [...notices, "limitedResults"] };
}
