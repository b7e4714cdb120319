/**
 * Starts what the suite needs, once: a fresh embedded PostgreSQL and Meilisearch (unless
 * TEST_DATABASE_URL / TEST_MEILI_URL point elsewhere), migrations and demo data, then the built
 * app on a random port. Test files reach them through the environment (DATABASE_URL, MEILI_URL,
 * MEILI_INDEX_PREFIX, APP_URL).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { ensureServices, getFreePort } from "../scripts/lib/services";

let app: ChildProcess | undefined;
let stopServices: (() => Promise<void>) | undefined;
const dataDir = path.resolve(`.data/test-${process.pid}-${Date.now()}`);

async function waitForApp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app?.exitCode !== null && app?.exitCode !== undefined) throw new Error(`The app exited with code ${app.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error("The app did not start in time");
}

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

  const port = await getFreePort();
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/server.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", TRUST_PROXY: "loopback", JOBS: "inline" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForApp(process.env.APP_URL, 30_000);
}

export async function teardown() {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  await stopServices?.();
  await rm(dataDir, { recursive: true, force: true });
}
