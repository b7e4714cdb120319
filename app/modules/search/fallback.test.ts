/**
 * Search when Meilisearch goes away and comes back, and a reindex under load. This file runs on
 * a database and a Meilisearch of its own (with an app instance pointed at them), so stopping
 * its search engine does not disturb the rest of the suite.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, startAppServer } from "../../../test/app-server";
import { TestClient, visibleText } from "../../../test/http-client";
import { getFreePort, startEmbeddedMeili, type RunningMeili } from "../../../scripts/lib/services";

const suffix = Date.now().toString(36);
const meiliDir = path.resolve(`.data/fallback-meili-${suffix}`);
let meili: RunningMeili | null;
let meiliPort: number;
let database: Awaited<ReturnType<typeof createScratchDatabase>>;
let app: Awaited<ReturnType<typeof startAppServer>>;
const savedEnv = { ...process.env };

async function json(path: string) {
  const response = await new TestClient(app.url).get(path);
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as { backend: string; notices: string[]; total: number; results: Array<{ id: string; clusters: string[] }>; facets: Record<string, Array<{ value: string; count: number }>> };
}

async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

beforeAll(async () => {
  database = await createScratchDatabase(`agora_fallback_${suffix}`);
  meiliPort = await getFreePort();
  meili = await startEmbeddedMeili({ dir: meiliDir, port: meiliPort });
  Object.assign(process.env, { DATABASE_URL: database.url, MEILI_URL: meili!.url, MEILI_MASTER_KEY: meili!.masterKey, MEILI_INDEX_PREFIX: `fb_${suffix}_` });
  const { getDb } = await import("~/utils/db.server");
  const { migrateToLatest } = await import("../../../db/migrate");
  const { seedAccounts } = await import("../../../db/seed/accounts");
  const { seedLibrary } = await import("../../../db/seed/library");
  await migrateToLatest(getDb());
  await seedAccounts();
  await seedLibrary();
  app = await startAppServer({ DATABASE_URL: database.url, MEILI_URL: meili!.url, MEILI_MASTER_KEY: meili!.masterKey, MEILI_INDEX_PREFIX: `fb_${suffix}_`, JOBS: "inline" });
}, 120_000);

afterAll(async () => {
  const step = async (name: string, run: () => Promise<unknown>) => {
    const started = Date.now();
    await run();
    if (process.env.AGORA_DEBUG) console.log(`${name}: ${Date.now() - started} ms`);
  };
  await step("app", async () => app?.stop());
  const { stopBackgroundWork } = await import("~/modules/jobs/jobs.server");
  const { closeDb } = await import("~/utils/db.server");
  await step("jobs", stopBackgroundWork);
  await step("db", closeDb);
  await step("meili", async () => meili?.stop());
  await step("drop", async () => database?.drop());
  await rm(meiliDir, { recursive: true, force: true });
  process.env = savedEnv;
}, 60_000);

describe("search resilience", () => {
  it("keeps answering while the index is rebuilt and swapped", async () => {
    const { reindexSearch } = await import("./index.server");
    let stop = false;
    const answers: Array<{ status: number; total: number }> = [];
    const load = (async () => {
      while (!stop) {
        const response = await fetch(`${app.url}/search.json?q=legislative`);
        const body = (await response.json()) as { total: number; backend: string };
        answers.push({ status: response.status, total: body.backend === "meilisearch" ? body.total : -1 });
      }
    })();
    const { total } = await reindexSearch();
    stop = true;
    await load;
    expect(total).toBeGreaterThan(100);
    expect(answers.length).toBeGreaterThan(3);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.total).toBeGreaterThan(0);
    }
  });

  it("rebuilds an emptied index once when several app processes start at the same time", async () => {
    const { getMeili, indexName } = await import("./client.server");
    const { LIVE_INDEX } = await import("./index.server");
    const { prepareSearchAtStart } = await import("./content-documents.server");
    const live = getMeili()!.index(indexName(LIVE_INDEX));
    await live.deleteAllDocuments().waitTask({ timeout: 60_000 });
    expect((await live.getStats()).numberOfDocuments).toBe(0);
    const rebuilt = await Promise.all([prepareSearchAtStart(), prepareSearchAtStart(), prepareSearchAtStart()]);
    expect(rebuilt.filter(Boolean)).toHaveLength(1);
    expect((await live.getStats()).numberOfDocuments).toBeGreaterThan(100);
    expect((await json("/search.json?q=legislative")).total).toBeGreaterThan(0);
  });

  it("falls back to PostgreSQL when Meilisearch stops, with the same facets and no 5xx, and catches up when it returns", async () => {
    expect((await json("/library.json?q=legislative")).backend).toBe("meilisearch");
    // Searches keep coming throughout the outage and the recovery: none may fail.
    const statuses: number[] = [];
    let loading = true;
    const load = (async () => {
      for (let i = 0; loading; i++) {
        const path = ["/search.json?q=legislative", "/library?q=guide", "/search?q=review&lang=fr"][i % 3]!;
        statuses.push((await new TestClient(app.url).get(path).catch(() => ({ status: -1 }))).status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await meili!.stop();

    // The app checks the engine's health at most once a second.
    await eventually(async () => JSON.parse((await new TestClient(app.url).get("/healthz")).text).search === "postgres-fallback", 5_000);
    const fallback = await json("/library.json?q=legislative");
    expect(fallback.backend).toBe("postgres-fallback");
    expect(fallback.notices).toContain("limitedResults");
    expect(fallback.total).toBeGreaterThan(0);
    const browsing = await json("/library.json?cluster=I&stage=saq&type=legislative_guide");
    expect(browsing.backend).toBe("postgres-fallback");
    expect(browsing.total).toBeGreaterThan(0);
    const narrowed = await json("/library.json?q=legislative&cluster=I");
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThanOrEqual(fallback.total);
    for (const hit of narrowed.results) expect(hit.clusters).toContain("I");
    // Each language's and each cluster's count is what picking it returns, as on Meilisearch (decision 0012).
    for (const path of ["/library.json?q=guide", "/search.json?q=guide&lang=fr", "/library.json?q=guide&cluster=I"]) {
      const data = await json(path);
      expect(data.backend).toBe("postgres-fallback");
      // "guide" is English and French: both languages are offered.
      expect(data.facets.language!.map((facet) => facet.value)).toEqual(expect.arrayContaining(["en", "fr"]));
      for (const facet of ["language", "cluster"]) {
        for (const { value, count } of data.facets[facet]!) {
          const url = new URL(path, "http://x");
          if (url.searchParams.getAll(facet).includes(value)) continue;
          if (facet === "language") url.searchParams.set(facet, value);
          else url.searchParams.append(facet, value);
          expect((await json(`${url.pathname}${url.search}`)).total, `${path} → ${facet}=${value}`).toBe(count);
        }
      }
    }
    const page = await new TestClient(app.url).get("/fr/library?q=guide");
    expect(page.status).toBe(200);
    expect(page.text).toContain('class="alert alert--info"');
    expect((await new TestClient(app.url).get("/search?q=%22%27%3B")).status).toBe(200);

    // A change while the engine is away: searchable at once in the fallback, queued for Meilisearch.
    const { getDb } = await import("~/utils/db.server");
    const { saveResourceEdition } = await import("~/modules/library/mutations.server");
    const { countPendingOutbox } = await import("./index.server");
    const actor = await getDb().selectFrom("app_user").select("id").where("email", "=", "secretariat@agora.test").executeTakeFirstOrThrow();
    await saveResourceEdition(
      {
        slug: "outage-notes-quixotry",
        type: "report",
        publishedOn: "2025-01-01",
        issuingBody: "UNODC",
        symbol: null,
        country: null,
        supersedes: null,
        instruments: ["untoc"],
        articles: [],
        clusters: ["I"],
        stages: ["saq"],
        audiences: ["general"],
        locale: "en",
        title: "Outage notes quixotry",
        summary: "Written while the search engine was down.",
        body: "",
        externalUrl: null,
      },
      { actorId: actor.id, originalSlug: null },
    );
    expect((await json("/search.json?q=quixotry")).total).toBe(1);
    expect(await countPendingOutbox()).toBeGreaterThan(0);

    meili = await startEmbeddedMeili({ dir: meiliDir, port: meiliPort });
    // The app's worker retries the sync job until Meilisearch answers again.
    const found = await eventually(async () => {
      const data = await json("/search.json?q=quixotry");
      return data.backend === "meilisearch" && data.total === 1 ? data : undefined;
    }, 60_000);
    expect(found.results[0]!.id).toBe("resource:outage-notes-quixotry:en");
    // The worker marks the row done when its transaction commits, just after the engine has it.
    await eventually(async () => (await countPendingOutbox()) === 0, 10_000);
    expect(visibleText((await new TestClient(app.url).get("/library?q=quixotry")).text)).not.toContain("simpler search");
    loading = false;
    await load;
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  }, 120_000);
});
