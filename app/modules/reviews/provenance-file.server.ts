import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { ImportProvenanceFile } from "./reviews.schema.server";
import type { ImportProvenance } from "./import.server";

/**
 * Reads `source.json` of a status folder — `{"illustrative": true, "description": "…"}` — the
 * folder's own statement of where its data come from. Undefined when the folder has none.
 */
export async function readProvenanceFile(file: string): Promise<ImportProvenance | undefined> {
  if (!existsSync(file)) return undefined;
  const parsed = ImportProvenanceFile.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  return parsed.data;
}
