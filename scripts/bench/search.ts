/**
 * Search benchmark: loads 50,000 generated resources (plus the curated ones) into a scratch
 * database and Meilisearch, measures `npm run search:reindex`-style rebuild time, then end-to-end
 * search latency through the app at 16 connections. Prints the figures; touches no real data.
 *
 *   npx tsx scripts/bench/search.ts [--resources 50000] [--seconds 20]
 */
import { parseArgs } from "node:util";
import { startAppServer } from "../lib/app-process";
import { assertProductionBuild, describeLoad, ms, runLoad, startScratchServices, summarize } from "./support";

const { values } = parseArgs({
  options: { resources: { type: "string", default: "50000" }, seconds: { type: "string", default: "20" }, "engine-only": { type: "boolean", default: false } },
});
const COUNT = Number(values.resources);
if (!values["engine-only"]) await assertProductionBuild();
const scratch = await startScratchServices("search");

const { getDb, closeDb } = await import("~/utils/db.server");
const { seedLibrary } = await import("../../db/seed/library");
const { LIVE_INDEX, reindexSearch } = await import("~/modules/search/index.server");
const { indexName } = await import("~/modules/search/client.server");
const { sql } = await import("kysely");
await seedLibrary();

// Generated documents: realistic lengths, the same tag vocabularies, seven languages.
const WORDS = "organized crime convention protocol trafficking persons smuggling migrants firearms review mechanism questionnaire observations cooperation legal assistance confiscation jurisdiction criminalization prevention protection victims witnesses law enforcement judicial training guide manual toolkit".split(" ");
const TYPES = ["manual", "guide", "legislative_guide", "model_law", "toolkit", "report", "other"];
const LOCALES = ["en", "fr", "es", "ar", "zh", "ru", "pt"];
const CLUSTERS = ["I", "II", "III", "IV"];
const STAGES = ["saq", "written_feedback", "list_of_observations"];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
// A realistic spread: mostly ordinary vocabulary (5,000 made-up words), domain terms now and then,
// so that a query matches a subset of the corpus as it would in a real library.
const FILLER = Array.from({ length: 5_000 }, (_, index) => `w${index.toString(36)}x`);
const word = () => (random() < 0.04 ? pick(WORDS) : FILLER[Math.floor(FILLER.length * random() ** 2)]!);
const words = (count: number) => Array.from({ length: count }, word).join(" ");
const started = Date.now();
for (let offset = 0; offset < COUNT; offset += 2_000) {
  const rows = Array.from({ length: Math.min(2_000, COUNT - offset) }, (_, index) => {
    const n = offset + index;
    const locale = pick(LOCALES);
    return {
      id: `resource:bench-${n}:${locale}`,
      kind: "resource",
      item_id: `resource:bench-${n}`,
      locale,
      title: `${words(6)} ${n}`,
      summary: words(30),
      body: words(250),
      path: `/library/bench-${n}`,
      type: pick(TYPES),
      instruments: [pick(["untoc", "tip", "som", "firearms"])],
      articles: [`untoc:${1 + Math.floor(random() * 41)}`],
      clusters: [pick(CLUSTERS)],
      stages: [pick(STAGES)],
      audiences: ["general"],
      country: null,
      year: 2000 + Math.floor(random() * 25),
    };
  });
  await getDb().insertInto("search_document").values(rows).execute();
}
const { count } = (await sql<{ count: number }>`select count(*)::int as count from search_document`.execute(getDb())).rows[0]!;
console.log(`Generated ${COUNT} documents in ${((Date.now() - started) / 1000).toFixed(1)} s (${count} in all)`);

const reindexStart = Date.now();
await reindexSearch();
const reindexSeconds = (Date.now() - reindexStart) / 1000;
console.log(`Reindex of ${count} documents: ${reindexSeconds.toFixed(1)} s (target ≤ 60 s)`);
await closeDb();

const queries = ["legislative guide", "trafficking victims", "mutual legal assistance", "questionnaire", "confiscation cooperation", "firearms protocol", "legslative gide"];
// The engine alone, same queries, adding one feature at a time (what the app adds is the difference).
const variants: Array<[string, Record<string, unknown>]> = [
  ["plain", {}],
  ["+ distinct", { distinct: "itemId" }],
  ["one edition per item, as the app asks", { filter: [['primaryFor = "en"']] }],
  ["the same + 4 facets", { filter: [['primaryFor = "en"']], facets: ["type", "clusters", "stages", "locale"] }],
];
for (const [name, extra] of variants) {
  const engine = await runLoad({
    url: process.env.MEILI_URL!,
    connections: 16,
    seconds: 8,
    requests: queries.map((q) => ({
      method: "POST" as const,
      path: `/indexes/${indexName(LIVE_INDEX)}/search`,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.MEILI_MASTER_KEY}` },
      body: JSON.stringify({ q, hitsPerPage: 20, page: 1, ...extra }),
    })),
  });
  console.log(`Meilisearch alone (${name}), 16 connections: ${engine.n} requests, p50 ${ms(engine.p50)}, p95 ${ms(engine.p95)}`);
}

// The app's own search call in process, one at a time: engine and module, without HTTP or rendering.
{
  const { searchContent } = await import("~/modules/search/search.server");
  const { LIBRARY_FACETS } = await import("~/modules/search/search.schema");
  const timings: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const started = performance.now();
      await searchContent({ q, locale: "en", filters: { kind: ["resource"] }, facets: LIBRARY_FACETS });
      timings.push(performance.now() - started);
    }
  }
  const figures = summarize(timings);
  console.log(`searchContent in process, sequential, ${figures.n} searches with every library facet: p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)}`);
}

if (values["engine-only"]) {
  await scratch.stop();
  process.exit(0);
}

const app = await startAppServer({ NODE_ENV: "production", JOBS: "off" });
const requests = queries.flatMap((q) => [
  { method: "GET" as const, path: `/search.json?q=${encodeURIComponent(q)}` },
  { method: "GET" as const, path: `/library.json?q=${encodeURIComponent(q)}&cluster=I&language=es` },
]);
for (const request of requests) await fetch(`${app.url}${request.path}`); // warm up
const load = await runLoad({ url: app.url, connections: 16, seconds: Number(values.seconds), requests });
console.log(describeLoad(`Search through the app (/search.json and /library.json, uncached), 16 connections, ${values.seconds} s`, load, 30));
await app.stop();
await scratch.stop();
process.exit(0);
