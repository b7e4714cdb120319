/**
 * Review-status benchmark, on a scratch database (touches no real data):
 *  1. the import of the demo status — 189 parties, 189 reviews, 248 focal-point records and
 *     parties.json — into an empty database: dry run and apply (target ≤ 2 s together);
 *     then a re-import that changes every review's dates, and an identical re-import;
 *  2. GET /reviews (the dashboard) through the built app at 32 connections (target p95 ≤ 25 ms).
 *
 *   npm run build && npx tsx scripts/bench/reviews.ts [--seconds 20] [--connections 32]
 */
import { spawn } from "node:child_process";
import { cp, mkdir, readFile, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { ensureServices, getFreePort } from "../lib/services";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "20" }, connections: { type: "string", default: "32" } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const dataDir = path.resolve(`.data/bench-reviews-${Date.now().toString(36)}`);
delete process.env.DATABASE_URL;
delete process.env.MEILI_URL;
process.env.MEILI_INDEX_PREFIX = "bench_reviews_";
const stopServices = await ensureServices({ dataDir, database: "agora_bench", persistent: false });

const { getDb, closeDb } = await import("~/utils/db.server");
const { migrateToLatest } = await import("../../db/migrate");
const { readDemoStatusFiles, DEMO_STATUS_AS_OF } = await import("../../db/seed/reviews");
const { createImport, applyImport } = await import("~/modules/reviews/import.server");
await migrateToLatest(getDb());

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
async function timeImport(label: string, files: Awaited<ReturnType<typeof readDemoStatusFiles>>) {
  const start = process.hrtime.bigint();
  const { id, report } = await createImport({ files, asOf: DEMO_STATUS_AS_OF, actorId: null, source: "cli" });
  const dryRun = ms(start);
  if (report.problems.length) throw new Error(`${label}: ${report.problems.length} problems`);
  const applyStart = process.hrtime.bigint();
  const outcome = await applyImport(id, null);
  if (!outcome.ok) throw new Error(`${label}: ${outcome.reason}`);
  const apply = ms(applyStart);
  console.log(`${label}: dry run ${dryRun.toFixed(0)} ms + apply ${apply.toFixed(0)} ms = ${(dryRun + apply).toFixed(0)} ms (${outcome.changeCount} changes)`);
  return dryRun + apply;
}

const demo = await readDemoStatusFiles();
const cold = await timeImport("Import into an empty database (189 parties, 189 reviews, 248 focal points, parties.json)", demo);
// Every started review's consultation moved one day earlier: 73 reviews changed, history written.
const moved = (demo["reviews.csv"] as string)
  .split("\n")
  .map((line, index) => (index === 0 ? line : line.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)(\d{4}-\d{2}-)(\d{2})/, (_m, head: string, month: string, day: string) => `${head}${month}${String(Math.max(1, Number(day) - 1)).padStart(2, "0")}`)))
  .join("\n");
await timeImport("Re-import with the consultation date of every started review changed", { ...demo, "reviews.csv": moved });
await timeImport("Re-import of the original files (the same reviews changed back)", demo);
await timeImport("Re-import of identical files (no change)", demo);
console.log(`Import target ≤ 2000 ms: ${cold <= 2000 ? "met" : "missed"} (${cold.toFixed(0)} ms)`);
await closeDb();

// The app runs from a private copy of the production build, so that a `remix watch` running in
// the same checkout cannot swap a development build in under the benchmark.
const appDir = path.join(dataDir, "app");
if ((await readFile("build/index.js", "utf8")).includes("jsxDEV(")) throw new Error("build/ is a development build: run `npm run build` first.");
await mkdir(path.join(appDir, "public"), { recursive: true });
await cp("build", path.join(appDir, "build"), { recursive: true });
await cp("public/build", path.join(appDir, "public/build"), { recursive: true });
for (const shared of ["node_modules", "content", "package.json"]) await symlink(path.resolve(shared), path.join(appDir, shared));
const port = await getFreePort();
const app = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), path.resolve("scripts/server.ts")], {
  cwd: appDir,
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", JOBS: "off" },
  stdio: ["ignore", "ignore", "inherit"],
});
for (;;) {
  if (app.exitCode !== null) throw new Error(`The app exited with code ${app.exitCode}`);
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    // starting
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const headers = { "Accept-Language": "en", "Accept-Encoding": "gzip" };
for (let i = 0; i < 50; i++) await fetch(`http://127.0.0.1:${port}/reviews`, { headers }); // warm up
const latencies: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon({ url: `http://127.0.0.1:${port}/reviews`, connections: CONNECTIONS, duration: SECONDS, headers }, (error, outcome) => (error ? reject(error) : resolve(outcome)));
  // Every response's time, to compute the 95th percentile that autocannon does not report.
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
});
latencies.sort((a, b) => a - b);
const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
console.log(
  `GET /reviews, ${CONNECTIONS} connections, ${SECONDS} s: ${result.requests.total} requests (${result.requests.average} req/s), ${result.non2xx} non-2xx, ` +
    `p50 ${quantile(0.5).toFixed(1)} ms, p95 ${quantile(0.95).toFixed(1)} ms, p99 ${quantile(0.99).toFixed(1)} ms (target p95 ≤ 25 ms: ${quantile(0.95) <= 25 ? "met" : "missed"})`,
);
const exited = new Promise((resolve) => app.once("exit", resolve));
app.kill("SIGTERM");
await exited;
await stopServices();
await rm(dataDir, { recursive: true, force: true });
process.exit(0);
