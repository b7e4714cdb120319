/**
 * Starts what the suite needs, once: a fresh embedded PostgreSQL and Meilisearch (unless
 * TEST_DATABASE_URL / TEST_MEILI_URL point elsewhere), migrations and demo data, then the built
 * app on a random port. Test files reach them through the environment (DATABASE_URL, MEILI_URL,
 * MEILI_INDEX_PREFIX, APP_URL).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { startAppServer } from "../scripts/lib/app-process";
import { ensureServices } from "../scripts/lib/services";

let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
let stopServices: (() => Promise<void>) | undefined;
const dataDir = path.resolve(`.data/test-${process.pid}-${Date.now()}`);

export async function setup() {
  process.env.NODE_ENV = "test";
  if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  else delete process.env.DATABASE_URL;
  if (process.env.TEST_MEILI_URL) {
    process.env.MEILI_URL = process.env.TEST_MEILI_URL;
    process.env.MEILI_MASTER_KEY = process.env.TEST_MEILI_MASTER_KEY ?? "";
  } else {
    delete process.env.MEILI_URL;
    delete process.env.MEILI_MASTER_KEY;
  }
  process.env.MEILI_INDEX_PREFIX = `test_${Date.now().toString(36)}_`;
  stopServices = await ensureServices({ dataDir, database: "agora_test", persistent: false });

  const { getDb, closeDb } = await import("../app/utils/db.server");
  const { migrateToLatest } = await import("../db/migrate");
  const { seedDemoData } = await import("../db/seed/index");
  await migrateToLatest(getDb());
  await seedDemoData();
  await closeDb();

  app = await startAppServer({ JOBS: "inline" });
  process.env.APP_URL = app.url;
  // The first searches of a fresh index and app are the slowest: pay for them here, not inside a
  // test running beside others on a loaded machine (the app falls back after 2 s without an answer).
  for (const path of ["/library.json?q=legslative+gide", "/search.json?q=guide", "/library?q=guide"]) await (await fetch(`${app.url}${path}`)).arrayBuffer();
}

export async function teardown() {
  await app?.stop();
  await stopServices?.();
  await rm(dataDir, { recursive: true, force: true });
}
