/**
 * Imports review status from a folder holding parties.csv, reviews.csv and focal_points.csv (and,
 * optionally, parties.json), through the same module as /admin/reviews/import:
 *
 *   npm run reviews:import -- DIR --source "where the data come from" [--illustrative]
 *                             [--dry-run] [--as-of YYYY-MM-DD] [--details FILE]
 *
 * The source is required: applying the import records it as the provenance of the review status,
 * and pages show the illustrative-data notice while the data are marked --illustrative. A folder
 * may state both in its own source.json ({"illustrative": …, "description": …}); the options win.
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
  options: {
    "dry-run": { type: "boolean", default: false },
    "as-of": { type: "string" },
    details: { type: "string" },
    source: { type: "string" },
    illustrative: { type: "boolean" },
  },
});
const dir = positionals[0];
const asOf = values["as-of"];
const usage = 'Usage: npm run reviews:import -- DIR --source "where the data come from" [--illustrative] [--dry-run] [--as-of YYYY-MM-DD] [--details parties.json]';
if (!dir || (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) {
  console.error(usage);
  process.exit(2);
}

await runScript(async () => {
  const { createImport, applyImport } = await import("~/modules/reviews/import.server");
  const { readProvenanceFile } = await import("~/modules/reviews/provenance-file.server");
  const stated = await readProvenanceFile(path.join(dir, "source.json"));
  const description = (values.source ?? stated?.description ?? "").trim();
  if (!description || description.length > 500) {
    console.error(`The source of the data is required (--source, at most 500 characters, or ${path.join(dir, "source.json")}).\n${usage}`);
    process.exit(2);
  }
  const provenance = { description, illustrative: values.illustrative ?? stated?.illustrative ?? false };
  const { formatReport } = await import("~/modules/reviews/report.server");
  const files: Record<string, string | Uint8Array> = {};
  for (const name of ["parties.csv", "reviews.csv", "focal_points.csv"]) {
    const file = path.join(dir, name);
    if (existsSync(file)) files[name] = new Uint8Array(await readFile(file));
  }
  const details = values.details ?? (existsSync(path.join(dir, "parties.json")) ? path.join(dir, "parties.json") : undefined);
  if (details) files["parties.json"] = new Uint8Array(await readFile(details));

  const { id, report } = await createImport({ files, asOf, actorId: null, source: "cli", provenance });
  console.log(`Source: ${provenance.description}${provenance.illustrative ? " (illustrative data: pages will say so)" : ""}`);
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
