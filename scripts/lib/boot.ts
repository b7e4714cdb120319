/**
 * Shared start-up for CLI scripts: embedded services when no URLs are configured, migrations,
 * and a clean stop. The app modules read DATABASE_URL and MEILI_URL from the environment, so
 * services must be up before any of them is imported (hence the dynamic imports in scripts).
 */
import { ensureServices } from "./services";

export async function bootServices(options: { migrate?: boolean } = {}) {
  const stopServices = await ensureServices();
  if (options.migrate !== false) {
    const { getDb } = await import("~/utils/db.server");
    const { migrateToLatest } = await import("../../db/migrate");
    const applied = await migrateToLatest(getDb());
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  }
  const stop = async () => {
    const { closeDb } = await import("~/utils/db.server");
    const { stopBackgroundWork } = await import("~/modules/jobs/jobs.server");
    await stopBackgroundWork();
    await closeDb();
    await stopServices();
  };
  return { stop };
}

/** Runs `main` with services up and always stops them; exits non-zero on failure. */
export async function runScript(main: () => Promise<void>, options: { migrate?: boolean } = {}) {
  const { stop } = await bootServices(options);
  let failed = false;
  try {
    await main();
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await stop();
  }
  process.exit(failed ? 1 : 0);
}
