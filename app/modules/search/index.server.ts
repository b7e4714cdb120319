import { sql } from "kysely";
import type { Index } from "meilisearch";
import { getDb, type Executor } from "~/utils/db.server";
import { LOCALES } from "~/utils/i18n";
import { getMeili, indexName } from "./client.server";
import type { SearchDocument } from "./documents";

/**
 * Writing to the search index. Areas call `replaceSearchDocuments` inside the transaction that
 * changes their content: the documents land in the `search_document` table (what the PostgreSQL
 * fallback searches) and their ids in `search_outbox`; the search.sync job then pushes them to
 * Meilisearch, retrying until it succeeds. No update is lost while Meilisearch is away.
 */
/** The live index. Bump the version when documents or settings change shape: a fresh index is built. */
// v6: ties broken by key (applySettings). A new version is built from the table at start-up.
export const LIVE_INDEX = "content_v6";
const BODY_LIMIT = 20_000;

/** Meilisearch ids allow only [A-Za-z0-9_-]; ours contain ':' and '/'. */
export function toIndexKey(documentId: string) {
  return Buffer.from(documentId).toString("base64url");
}

/**
 * The reader languages for which this edition is the one to show: its own language, and — when
 * the item has no edition in a language — the English edition (or, without one, the first).
 * Searching with `primaryFor = <reader's language>` yields one edition per item, the reader's own
 * where it exists, without Meilisearch's `distinct` (ten times slower on large result sets).
 */
export function primaryFor(locale: string, itemLocales: string[]): string[] {
  const fallback = itemLocales.includes("en") ? "en" : [...itemLocales].sort()[0];
  return LOCALES.filter((reader) => reader === locale || (!itemLocales.includes(reader) && fallback === locale));
}

export function toIndexedDocument(document: SearchDocument, itemLocales: string[]) {
  return {
    key: toIndexKey(document.id),
    docId: document.id,
    kind: document.kind,
    itemId: document.itemId,
    locale: document.locale,
    primaryFor: primaryFor(document.locale, itemLocales),
    type: document.type,
    path: document.path,
    instruments: document.instruments,
    articles: document.articles,
    clusters: document.clusters,
    stages: document.stages,
    audiences: document.audiences,
    country: document.country,
    year: document.year,
    [`title_${document.locale}`]: document.title,
    [`summary_${document.locale}`]: document.summary,
    [`body_${document.locale}`]: document.body.slice(0, BODY_LIMIT),
  };
}

type Row = Omit<SearchDocument, "itemId" | "kind" | "locale"> & { item_id: string; kind: string; locale: string };

/** Documents with the languages of their item's other editions, ready for Meilisearch. */
async function loadIndexedDocuments(executor: Executor, where: { ids: string[] } | { after: string; limit: number }) {
  let query = executor
    .selectFrom("search_document as d")
    .selectAll("d")
    .select(sql<string[]>`array(select s.locale from search_document s where s.item_id = d.item_id)`.as("item_locales"));
  query = "ids" in where ? query.where("d.id", "in", where.ids) : query.where("d.id", ">", where.after).orderBy("d.id").limit(where.limit);
  const rows = await query.execute();
  return rows.map(({ item_locales, tsv: _tsv, updated_at: _updated, ...row }) => ({ id: row.id, indexed: toIndexedDocument(rowToDocument(row), item_locales) }));
}

/** The table keeps the document's fields under the same names, but for item_id. */
export function rowToDocument({ item_id, ...row }: Row): SearchDocument {
  return { ...row, itemId: item_id, kind: row.kind as SearchDocument["kind"], locale: row.locale as SearchDocument["locale"] };
}

function documentToRow({ itemId, ...document }: SearchDocument): Row {
  return { ...document, item_id: itemId };
}

/**
 * Replaces every document of the given items (all their language editions) with `documents`,
 * inside the caller's transaction, and queues the changed ids for Meilisearch.
 */
export async function replaceSearchDocuments(trx: Executor, itemIds: string[], documents: SearchDocument[]) {
  if (itemIds.length === 0 && documents.length === 0) return;
  const removed = itemIds.length ? await trx.deleteFrom("search_document").where("item_id", "in", itemIds).returning("id").execute() : [];
  if (documents.length) {
    await trx
      .insertInto("search_document")
      .values(documents.map(documentToRow))
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          title: eb.ref("excluded.title"),
          summary: eb.ref("excluded.summary"),
          body: eb.ref("excluded.body"),
          item_id: eb.ref("excluded.item_id"),
          path: eb.ref("excluded.path"),
          updated_at: new Date(),
        })),
      )
      .execute();
  }
  const ids = new Set([...removed.map((row) => row.id), ...documents.map((document) => document.id)]);
  if (ids.size) await trx.insertInto("search_outbox").values([...ids].map((id) => ({ document_id: id }))).execute();
}

const SYNONYMS: Record<string, string[]> = {
  saq: ["self-assessment questionnaire", "questionnaire d'auto-évaluation", "cuestionario de autoevaluación", "自评调查表", "questionário de autoavaliação"],
  "self-assessment questionnaire": ["saq"],
  loo: ["list of observations", "liste d'observations", "lista de observaciones"],
  "list of observations": ["loo"],
  tip: ["trafficking in persons", "human trafficking", "traite des personnes", "trata de personas"],
  "trafficking in persons": ["tip", "human trafficking"],
  "human trafficking": ["trafficking in persons", "tip"],
  som: ["smuggling of migrants", "trafic illicite de migrants", "tráfico ilícito de migrantes"],
  "smuggling of migrants": ["som", "migrant smuggling"],
  "migrant smuggling": ["smuggling of migrants", "som"],
  untoc: ["organized crime convention", "palermo convention", "convention against transnational organized crime"],
  "palermo convention": ["untoc", "organized crime convention"],
  "organized crime convention": ["untoc", "palermo convention"],
  mla: ["mutual legal assistance", "entraide judiciaire", "asistencia judicial recíproca"],
  "mutual legal assistance": ["mla"],
  ngo: ["non-governmental organization", "civil society", "ong"],
  "civil society": ["ngo", "non-governmental stakeholders", "société civile", "sociedad civil"],
  firearms: ["firearms protocol", "armes à feu", "armas de fuego"],
};

const LOCALE_CODES: Record<string, string> = { en: "eng", fr: "fra", es: "spa", ar: "ara", zh: "cmn", ru: "rus", pt: "por" };

export const FILTERABLE = ["kind", "type", "instruments", "articles", "clusters", "stages", "audiences", "locale", "primaryFor", "country", "year", "itemId"];

async function applySettings(index: Index) {
  await index
    .updateSettings({
    searchableAttributes: (["title", "summary", "body"] as const).flatMap((field) => LOCALES.map((locale) => `${field}_${locale}`)),
    // Equality filters and facet counts only: no range filters and no search inside facet
    // values, which would cost indexing time for features no page uses.
    filterableAttributes: [{ attributePatterns: FILTERABLE, features: { facetSearch: false, filter: { equality: true, comparison: false } } }],
    facetSearch: false,
    sortableAttributes: ["year"],
    synonyms: SYNONYMS,
    localizedAttributes: LOCALES.map((locale) => ({ attributePatterns: [`*_${locale}`], locales: [LOCALE_CODES[locale]!] })) as never,
    pagination: { maxTotalHits: 5_000 },
    faceting: { maxValuesPerFacet: 200 },
    })
    .waitTask({ timeout: 60_000 });
  // Equally relevant documents come in the order of their key, not of their indexing (which
  // varies with job timing): the same query always gives the same pages, so paging neither
  // repeats nor skips a result. Meilisearch's own rules stay first and unchanged.
  const rankingRules = (await index.getRankingRules()) ?? [];
  if (!rankingRules.includes(TIE_BREAK_RULE)) await index.updateRankingRules([...rankingRules, TIE_BREAK_RULE]).waitTask({ timeout: 60_000 });
}

const TIE_BREAK_RULE = "key:asc";

let ensured: Promise<void> | undefined;

/** Creates the live index with our settings when it does not exist yet (once per process). */
export function ensureSearchIndex(): Promise<void> {
  ensured ??= (async () => {
    const meili = getMeili();
    if (!meili) return;
    const uid = indexName(LIVE_INDEX);
    const exists = await meili
      .getIndex(uid)
      .then(() => true)
      .catch(() => false);
    if (!exists) {
      await meili.createIndex(uid, { primaryKey: "key" }).waitTask({ timeout: 30_000 });
      await applySettings(meili.index(uid));
    }
  })().catch((error) => {
    ensured = undefined;
    throw error;
  });
  return ensured;
}

/**
 * Pushes pending outbox rows to Meilisearch. Rows whose document no longer exists become
 * deletions. Throws when Meilisearch is unreachable, so the job is retried; rows stay pending.
 */
export async function syncSearchOutbox(batchSize = 1_000): Promise<number> {
  const meili = getMeili();
  if (!meili) return 0;
  await ensureSearchIndex();
  const index = meili.index(indexName(LIVE_INDEX));
  let total = 0;
  for (;;) {
    const processed = await getDb()
      .transaction()
      .execute(async (trx) => {
        const pending = await trx
          .selectFrom("search_outbox")
          .select(["id", "document_id"])
          .where("processed_at", "is", null)
          .orderBy("id")
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
          .execute();
        if (pending.length === 0) return 0;
        const ids = [...new Set(pending.map((row) => row.document_id))];
        const rows = await loadIndexedDocuments(trx, { ids });
        const present = new Set(rows.map((row) => row.id));
        const deletions = ids.filter((id) => !present.has(id)).map(toIndexKey);
        try {
          if (rows.length) await index.addDocuments(rows.map((row) => row.indexed)).waitTask({ timeout: 60_000 });
          if (deletions.length) await index.deleteDocuments(deletions).waitTask({ timeout: 60_000 });
        } catch (error) {
          await trx
            .updateTable("search_outbox")
            .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: String(error).slice(0, 500) }))
            .where("id", "in", pending.map((row) => row.id))
            .execute();
          throw error;
        }
        await trx.updateTable("search_outbox").set({ processed_at: new Date(), last_error: null }).where("id", "in", pending.map((row) => row.id)).execute();
        return pending.length;
      });
    total += processed;
    if (processed < batchSize) return total;
  }
}

export async function countPendingOutbox() {
  const row = await getDb()
    .selectFrom("search_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("processed_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Rebuilds the whole index from `search_document` into a fresh index, then swaps it in
 * atomically: searches keep answering from the old index until the swap.
 */
export async function reindexSearch(onProgress: (done: number, total: number) => void = () => {}) {
  const meili = getMeili();
  if (!meili) throw new Error("Meilisearch is not configured (MEILI_URL)");
  await ensureSearchIndex();
  const live = indexName(LIVE_INDEX);
  const fresh = indexName(`${LIVE_INDEX}_${Date.now().toString(36)}`);
  await meili.createIndex(fresh, { primaryKey: "key" }).waitTask({ timeout: 30_000 });
  const index = meili.index(fresh);
  await applySettings(index);
  // Outbox rows queued before this point are covered by the rebuild.
  const watermark = await getDb().selectFrom("search_outbox").select((eb) => eb.fn.max("id").as("max")).executeTakeFirst();
  const { total } = await getDb()
    .selectFrom("search_document")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const BATCH = 2_000;
  let done = 0;
  let lastId = "";
  const tasks: Promise<unknown>[] = [];
  for (;;) {
    const rows = await loadIndexedDocuments(getDb(), { after: lastId, limit: BATCH });
    if (rows.length === 0) break;
    lastId = rows.at(-1)!.id;
    const task = index.addDocuments(rows.map((row) => row.indexed));
    tasks.push(task.waitTask({ timeout: 300_000 }).then(() => onProgress((done += rows.length), total)));
  }
  await Promise.all(tasks);
  await meili.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask({ timeout: 60_000 });
  await meili.deleteIndex(fresh).waitTask({ timeout: 60_000 });
  if (watermark?.max) {
    await getDb()
      .updateTable("search_outbox")
      .set({ processed_at: new Date() })
      .where("id", "<=", Number(watermark.max))
      .where("processed_at", "is", null)
      .execute();
  }
  return { total };
}

/**
 * Fills a live index that is empty while the table has documents (a new index version, a wiped
 * Meilisearch). Run at start-up; a no-op otherwise.
 */
export async function reindexIfEmpty() {
  const meili = getMeili();
  if (!meili) return false;
  await ensureSearchIndex();
  const stats = await meili.index(indexName(LIVE_INDEX)).getStats();
  if (stats.numberOfDocuments > 0) return false;
  const { total } = await getDb().selectFrom("search_document").select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  if (total === 0) return false;
  await reindexSearch();
  return true;
}


