import { sql } from "kysely";
import { getDb } from "~/utils/db.server";
import { LOCALES, type Locale } from "~/utils/i18n";
import { getMeili, getSearchStatus, indexName, type SearchBackend } from "./client.server";
import type { SearchDocument, SearchKind } from "./documents";
import { ensureSearchIndex, LIVE_INDEX } from "./index.server";
import { FACET_NAMES, FACETS, PER_PAGE, type FacetName, type SearchFilters, type SearchNotice } from "./search.schema";

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

function meiliFilter(filters: SearchFilters): string[][] {
  // Values are validated against each facet's pattern before they get here; quoting is belt and braces.
  return FACET_NAMES.filter((name) => filters[name]?.length).map((name) =>
    filters[name]!.map((value) => `${FACETS[name].field} = "${value.replace(/["\\]/g, "")}"`),
  );
}

async function searchMeili(params: SearchParams): Promise<Omit<SearchResult, "backend" | "notices">> {
  const meili = getMeili()!;
  await ensureSearchIndex();
  const page = params.page ?? 1;
  const perPage = params.perPage ?? PER_PAGE;
  const locale = params.locale;
  // One edition per item: the reader's own (or the fallback edition) unless they asked for
  // particular languages; `distinct` is needed only when several were asked for.
  const languages = params.filters.language ?? [];
  const filter = meiliFilter(params.filters);
  if (languages.length === 0) filter.push([`primaryFor = "${locale}"`]);
  const wanted = params.facets ?? [];
  // The language facet counts the items that exist in each language (one query, no second pass).
  const facetField = (name: FacetName) => (name === "language" ? "itemLocales" : FACETS[name].field);
  const response = await meili.index(indexName(LIVE_INDEX)).search(params.q ?? "", {
    filter,
    page,
    hitsPerPage: perPage,
    ...(languages.length > 1 ? { distinct: "itemId" } : {}),
    facets: wanted.map(facetField),
    // Meilisearch takes no wildcards here: name each language's field.
    attributesToHighlight: LOCALES.map((code) => `title_${code}`),
    attributesToCrop: LOCALES.map((code) => `summary_${code}`),
    cropLength: 28,
    highlightPreTag: PRE,
    highlightPostTag: POST,
    // Only retrieved fields come back formatted; bodies stay out of the response (too large).
    attributesToRetrieve: ["docId", "kind", "itemId", "locale", "path", "type", "instruments", "articles", "clusters", "stages", "country", "year", ...LOCALES.flatMap((code) => [`title_${code}`, `summary_${code}`])],
  });
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
  const facets: SearchResult["facets"] = {};
  for (const name of params.facets ?? []) {
    const distribution = facetDistribution[facetField(name)] ?? {};
    facets[name] = Object.entries(distribution)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return { hits, total: response.totalHits ?? hits.length, page, perPage, facets };
}

/** The same search on PostgreSQL full-text search: same filters and facets, plainer ranking and snippets. */
async function searchPostgres(params: SearchParams): Promise<Omit<SearchResult, "backend" | "notices">> {
  const db = getDb();
  const page = params.page ?? 1;
  const perPage = params.perPage ?? PER_PAGE;
  const q = (params.q ?? "").trim();
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  const conditions = [sql`true`];
  if (q) conditions.push(sql`(d.tsv @@ ${query} or d.title ilike ${`%${q.replace(/[%_\\]/g, "\\$&")}%`})`);
  for (const name of FACET_NAMES) {
    const values = params.filters[name];
    if (!values?.length) continue;
    const column = sql.ref(`d.${FACETS[name].field}`);
    if (["instruments", "articles", "clusters", "stages", "audiences"].includes(FACETS[name].field)) conditions.push(sql`${column} && ${values}::text[]`);
    else if (name === "year") conditions.push(sql`${column} = any(${values.map(Number)}::int[])`);
    else conditions.push(sql`${column} = any(${values}::text[])`);
  }
  const where = sql.join(conditions, sql` and `);
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

  const facets: SearchResult["facets"] = {};
  if (params.facets?.length) {
    const counts = await Promise.all(
      params.facets.map((name) => {
        const field = FACETS[name].field;
        const value = ["instruments", "articles", "clusters", "stages", "audiences"].includes(field) ? sql`unnest(d.${sql.ref(field)})` : sql`d.${sql.ref(field)}::text`;
        return sql<{ value: string; count: number }>`
          select v as value, count(distinct item_id)::int as count
          from (select ${value} as v, d.item_id from search_document d where ${where}) facet
          where v is not null group by v order by count desc, v limit 200
        `.execute(db);
      }),
    );
    params.facets.forEach((name, index) => (facets[name] = counts[index]!.rows));
  }
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
    total: rows.rows[0]?.total ?? 0,
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
