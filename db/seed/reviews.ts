import { readFile } from "node:fs/promises";
import path from "node:path";
import { applyImport, createImport, planImport, type ImportProvenance } from "~/modules/reviews/import.server";
import { readProvenanceFile } from "~/modules/reviews/provenance-file.server";
import type { StatusFiles } from "~/modules/reviews/status-files.server";

/** The paper's status table of 2024-02-29: the demo data's reference date. */
export const DEMO_STATUS_AS_OF = "2024-02-29";

/** Reads the demo status files: the three CSVs of the import contract and parties.json. */
export async function readDemoStatusFiles(root = path.resolve("content/reviews")): Promise<StatusFiles> {
  const [parties, reviews, focalPoints, details] = await Promise.all([
    readFile(path.join(root, "demo/parties.csv"), "utf8"),
    readFile(path.join(root, "demo/reviews.csv"), "utf8"),
    readFile(path.join(root, "demo/focal_points.csv"), "utf8"),
    readFile(path.join(root, "parties.json"), "utf8"),
  ]);
  return { "parties.csv": parties, "reviews.csv": reviews, "focal_points.csv": focalPoints, "parties.json": details };
}

/** The demo's statement of where its data come from (content/reviews/demo/source.json): illustrative. */
export async function readDemoProvenance(root = path.resolve("content/reviews")): Promise<ImportProvenance> {
  const provenance = await readProvenanceFile(path.join(root, "demo/source.json"));
  if (!provenance?.illustrative) throw new Error("content/reviews/demo/source.json must mark the demo data as illustrative");
  return provenance;
}

/** Imports the demo review status through the same module as the secretariat's import. Idempotent. */
export async function seedReviews() {
  const files = await readDemoStatusFiles();
  const plan = await planImport(files);
  if (plan.problems.length) throw new Error(`The demo review data has ${plan.problems.length} problem(s): ${JSON.stringify(plan.problems.slice(0, 3))}`);
  if (plan.changeCount === 0) return;
  const { id } = await createImport({ files, asOf: DEMO_STATUS_AS_OF, actorId: null, source: "seed", provenance: await readDemoProvenance() });
  const outcome = await applyImport(id, null);
  if (!outcome.ok) throw new Error(`The demo review data was not applied: ${outcome.reason}`);
}
