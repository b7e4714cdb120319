/**
 * PostgreSQL restarted under load: while it is down, requests fail fast with a 503 page in the
 * reader's language (never a 500, never a long wait); when it is back, the same app process
 * serves again without a restart. The file runs its own PostgreSQL, so stopping it does not
 * disturb the rest of the suite.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "./app-server";
import { TestClient } from "./http-client";
import { createDatabase, createPool } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { getFreePort, startEmbeddedPostgres, type RunningPostgres } from "../scripts/lib/services";
import frCommon from "../app/locales/fr/common.json";

const dir = path.resolve(`.data/faults-pg-${Date.now().toString(36)}`);
let port: number;
let postgres: RunningPostgres | undefined;
let app: Awaited<ReturnType<typeof startAppServer>>;

const start = () => startEmbeddedPostgres({ dir, database: "agora_faults", persistent: true, port });

beforeAll(async () => {
  port = await getFreePort();
  postgres = await start();
  const pool = createPool(postgres.url);
  const db = createDatabase(pool);
  await migrateToLatest(db);
  await db.destroy();
  app = await startAppServer({ DATABASE_URL: postgres.url, JOBS: "off", PAGE_CACHE_SECONDS: "0", MEILI_INDEX_PREFIX: `faults_${Date.now().toString(36)}_` });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("PostgreSQL restarted under load", () => {
  it("answers 503 at once while it is down, and serves again when it is back, without a restart", async () => {
    const client = new TestClient(app.url);
    expect((await client.get("/fr/library")).status).toBe(200);

    // A steady trickle of requests through the whole outage: none may be a 500.
    const statuses: number[] = [];
    let loading = true;
    const load = (async () => {
      while (loading) {
        statuses.push((await new TestClient(app.url).get("/library").catch(() => ({ status: -1 }))).status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    await postgres!.stop();
    postgres = undefined;
    const down: Array<{ status: number; ms: number; text: string }> = [];
    for (let i = 0; i < 8; i++) {
      const started = Date.now();
      const response = await client.get("/fr/library");
      down.push({ status: response.status, ms: Date.now() - started, text: response.text });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const answer of down) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(3_500);
    }
    // Once the outage is known, the page says so in French, with a Retry-After.
    expect(down.at(-1)!.text).toContain(frCommon.errors.unavailableTitle);
    const health = await client.get("/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text).database).toBe("down");
    expect((await client.get("/readyz")).status).toBe(503);

    postgres = await start();
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await client.get("/fr/library")).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect((await client.get("/readyz")).status).toBe(200);

    loading = false;
    await load;
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.filter((code) => code !== 200 && code !== 503)).toEqual([]);
  }, 120_000);
});
