import { listCourseSearchDocuments } from "~/modules/courses/search.server";
import { getDb } from "~/utils/db.server";
import { replaceSearchDocuments } from "./index.server";
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
