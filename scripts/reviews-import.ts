/**
 * Imports review status from a folder holding parties.csv, reviews.csv and focal_points.csv (and,
 * optionally, parties.json), through the same module as /admin/reviews/import:
 *
 *   npm run reviews:import -- DIR [--dry-run] [--as-of YYYY-MM-DD] [--details FILE]
 *
 * Prints the dry-run report (every problem with file, line and column; every change); applies
 * it unless --dry-run is given or there is any problem (exit status 1).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { runScript } from "./lib/boot";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "dry-run": { type: "boolean", default: false }, "as-of": { type: "string" }, details: { type: "string" } },
});
const dir = positionals[0];
const asOf = values["as-of"];
if (!dir || (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) {
  console.error("Usage: npm run reviews:import -- DIR [--dry-run] [--as-of YYYY-MM-DD] [--details parties.json]");
  process.exit(2);
}

await runScript(async () => {
  const { createImport, applyImport } = await import("~/modules/reviews/import.server");
  const { formatReport } = await import("~/modules/reviews/report.server");
  const files: Record<string, string | Uint8Array> = {};
  for (const name of ["parties.csv", "reviews.csv", "focal_points.csv"]) {
    const file = path.join(dir, name);
    if (existsSync(file)) files[name] = new Uint8Array(await readFile(file));
  }
  const details = values.details ?? (existsSync(path.join(dir, "parties.json")) ? path.join(dir, "parties.json") : undefined);
  if (details) files["parties.json"] = new Uint8Array(await readFile(details));

  const { id, report } = await createImport({ files, asOf, actorId: null, source: "cli" });
  console.log(await formatReport(report));
  if (report.problems.length) {
    process.exitCode = 1;
    throw new Error(`Nothing applied: ${report.problems.length} problem(s).`);
  }
  if (values["dry-run"]) return console.log(`Dry run ${id}: nothing applied.`);
  const started = Date.now();
  const outcome = await applyImport(id, null);
  if (!outcome.ok) throw new Error(`Nothing applied: ${outcome.reason}`);
  console.log(`Import ${id} applied in ${Date.now() - started} ms: ${outcome.changeCount} change(s), ${outcome.notifications} notification(s) queued.`);
});
