/**
 * `npm run search:reindex`: refreshes the search documents of file-based content, then rebuilds
 * the Meilisearch index into a fresh index and swaps it in atomically (search keeps answering
 * from the old index meanwhile).
 */
import cliProgress from "cli-progress";
import { runScript } from "./lib/boot";

await runScript(async () => {
  const { refreshContentDocuments } = await import("~/modules/search/content-documents.server");
  const { reindexSearch } = await import("~/modules/search/index.server");
  await refreshContentDocuments();
  const bar = new cliProgress.SingleBar({ format: "Reindexing [{bar}] {percentage}% | {value}/{total} documents | {duration}s" }, cliProgress.Presets.shades_classic);
  let started = false;
  const startedAt = Date.now();
  const { total } = await reindexSearch((done, all) => {
    if (!started) {
      bar.start(all, 0);
      started = true;
    }
    bar.update(done);
  });
  if (started) bar.stop();
  console.log(`Reindexed ${total} documents in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; the new index is live.`);
});
