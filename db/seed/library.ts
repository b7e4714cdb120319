import { seedResources } from "~/modules/library/mutations.server";
import { refreshContentDocuments } from "~/modules/search/content-documents.server";
import { syncSearchOutbox } from "~/modules/search/index.server";
import { seedTreaty } from "~/modules/treaty/treaty.server";

/**
 * The treaty tables, the curated resources of content/resources, and the search documents of
 * everything file-based (courses, lessons), pushed to the search engine when it is there.
 */
export async function seedLibrary() {
  await seedTreaty();
  await seedResources();
  await refreshContentDocuments();
  await syncSearchOutbox().catch((error) => console.warn(`Search index not updated now (${String(error)}); the outbox will catch up.`));
}
