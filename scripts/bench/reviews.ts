/**
 * Review-status import benchmark, a section of `npm run bench` (which also serves /reviews), on a
 * scratch database (touches no real data): the import of the demo status — 189 parties, 189
 * reviews, 248 focal-point records and parties.json — into an empty database: dry run and apply
 * (target ≤ 2 s together); then a re-import that changes every review's dates, and an identical one.
 *
 *   npx tsx scripts/bench/reviews.ts
 */
import { startScratchServices } from "./support";

const scratch = await startScratchServices("reviews");

const { closeDb } = await import("~/utils/db.server");
const { readDemoStatusFiles, DEMO_STATUS_AS_OF } = await import("../../db/seed/reviews");
const { createImport, applyImport } = await import("~/modules/reviews/import.server");

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
async function timeImport(label: string, files: Awaited<ReturnType<typeof readDemoStatusFiles>>) {
  const start = process.hrtime.bigint();
  const { id, report } = await createImport({ files, asOf: DEMO_STATUS_AS_OF, actorId: null, source: "cli", provenance: { description: "Benchmark: the demo files", illustrative: true } });
  const dryRun = elapsedMs(start);
  if (report.problems.length) throw new Error(`${label}: ${report.problems.length} problems`);
  const applyStart = process.hrtime.bigint();
  const outcome = await applyImport(id, null);
  if (!outcome.ok) throw new Error(`${label}: ${outcome.reason}`);
  const apply = elapsedMs(applyStart);
  console.log(`${label}: dry run ${dryRun.toFixed(0)} ms + apply ${apply.toFixed(0)} ms = ${(dryRun + apply).toFixed(0)} ms (${outcome.changeCount} changes)`);
  return dryRun + apply;
}

const demo = await readDemoStatusFiles();
const cold = await timeImport("Import into an empty database (189 parties, 189 reviews, 248 focal points, parties.json)", demo);
// Every started review's consultation moved one day earlier: 73 reviews changed, history written.
const moved = (demo["reviews.csv"] as string)
  .split("\n")
  .map((line, index) => (index === 0 ? line : line.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)(\d{4}-\d{2}-)(\d{2})/, (_m, head: string, month: string, day: string) => `${head}${month}${String(Math.max(1, Number(day) - 1)).padStart(2, "0")}`)))
  .join("\n");
await timeImport("Re-import with the consultation date of every started review changed", { ...demo, "reviews.csv": moved });
await timeImport("Re-import of the original files (the same reviews changed back)", demo);
await timeImport("Re-import of identical files (no change)", demo);
console.log(`Import target ≤ 2000 ms: ${cold <= 2000 ? "met" : "missed"} (${cold.toFixed(0)} ms)`);
await closeDb();

await scratch.stop();
process.exit(0);
