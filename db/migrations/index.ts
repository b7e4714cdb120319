import type { Migration } from "kysely";
import * as foundation from "./20261128030000_foundation";

/**
 * Every migration, in order. A static list because the compiled server cannot import .ts files
 * from a folder at run time. Append new migrations; never edit one that has landed.
 */
export const migrations: Record<string, Migration> = {
  "20261128030000_foundation": foundation,
};
