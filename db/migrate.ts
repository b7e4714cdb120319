import { Migrator } from "kysely";
import type { DB } from "./database";
import { migrations } from "./migrations/index";

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(db: DB) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed: ${String(error)}`, { cause: error });
  }
  return results?.filter((result) => result.status === "Success").map((result) => result.migrationName) ?? [];
}
