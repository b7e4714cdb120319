import { sql } from "kysely";
import { listCourseSearchDocuments } from "~/modules/courses/search.server";
import { getDb } from "~/utils/db.server";
import { reindexIfEmpty, replaceSearchDocuments } from "./index.server";
import type { SearchDocument } from "./documents";

/**
 * Search documents of content that lives in files rather than tables (courses and lessons):
 * each source lists its documents; refreshing replaces that kind's documents wholesale.
 */
type ContentSource = { kinds: SearchDocument["kind"][]; list: () => Promise<SearchDocument[]> };
const CONTENT_SOURCES: ContentSource[] = [{ kinds: ["course", "lesson"], list: listCourseSearchDocuments }];

/** Rebuilds the file-based content's search documents (dev start, seed, `npm start`, reindex). */
export async function refreshContentDocuments() {
  for (const source of CONTENT_SOURCES) {
    const documents = await source.list();
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const existing = await trx.selectFrom("search_document").select("item_id").distinct().where("kind", "in", source.kinds).execute();
        await replaceSearchDocuments(trx, [...new Set([...existing.map((row) => row.item_id), ...documents.map((document) => document.itemId)])], documents);
      });
  }
}

/** Any fixed number: the advisory lock that start-up search work is done under. */
const SEARCH_STARTUP_LOCK = 4_207_001;

/**
 * What a starting app process does for search: bring the file-based content's documents up to
 * date, then rebuild the index if it is empty (a new index version, a wiped Meilisearch). Several
 * instances starting at once take turns under a PostgreSQL advisory lock, so the index is built
 * once, not once per instance. Returns whether this call rebuilt it.
 */
export async function prepareSearchAtStart(): Promise<boolean> {
  return getDb()
    .connection()
    .execute(async (connection) => {
      await sql`select pg_advisory_lock(${SEARCH_STARTUP_LOCK})`.execute(connection);
      try {
        await refreshContentDocuments();
        return await reindexIfEmpty().catch((error: unknown) => {
          console.warn(`Search index not rebuilt: ${String(error)}`);
          return false;
        });
      } finally {
        await sql`select pg_advisory_unlock(${SEARCH_STARTUP_LOCK})`.execute(connection);
      }
    });
}
