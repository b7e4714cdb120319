/**
 * Lesson benchmark. Prints:
 * 1. cold compile: every lesson file compiled by mdx-bundler with no cache (the first compile also
 *    pays for starting esbuild; target ≤ 300 ms per lesson);
 * 2. warm render in process: getLessonPage (cached compile + cached HTML) at 32 concurrent calls;
 * 3. warm render over HTTP: the built app serving a lesson page (and its .data) to autocannon at
 *    32 connections (target p95 ≤ 10 ms). Uses a scratch database; touches no real data.
 *
 *   npm run build && npx tsx scripts/bench/lessons.ts [--seconds 10]
 */
import { spawn } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { ensureServices, getFreePort } from "../lib/services";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" } } });
const SECONDS = Number(values.seconds);
const LESSON = "/courses/review-mechanism/01-what-is-the-review-mechanism";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summarize = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

// 1. Cold compiles, straight through mdx-bundler. Starting esbuild and loading the MDX toolchain
// is paid once per process, at boot (entry.server calls warmUpCompiler); then every lesson.
const { compileLessonSource, warmUpCompiler } = await import("~/modules/courses/compile-mdx.server");
const files: string[] = [];
for (const entry of await readdir("content/courses", { recursive: true })) if (String(entry).endsWith(".mdx")) files.push(path.join("content/courses", String(entry)));
files.sort();
const warmUpStarted = performance.now();
await warmUpCompiler();
const warmUp = performance.now() - warmUpStarted;
const compileTimes: number[] = [];
for (const file of files) {
  const source = await readFile(file, "utf8");
  const started = performance.now();
  await compileLessonSource(source, file);
  compileTimes.push(performance.now() - started);
}
const cold = summarize(compileTimes);
console.log(
  `cold compile: compiler start-up at boot ${ms(warmUp)}; then ${cold.n} lessons with no cache p50 ${ms(cold.p50)}, p95 ${ms(cold.p95)}, max ${ms(cold.max)}  [target ≤ 300 ms: ${cold.max <= 300 ? "met" : "missed"}]`,
);

// 2. Warm render in process, 32 at a time.
process.env.MDX_CACHE_DIR = path.resolve(`.data/bench-lessons-cache`);
const { getLessonPage } = await import("~/modules/courses/lessons.server");
await getLessonPage("review-mechanism", "01-what-is-the-review-mechanism", "en");
const inProcess: number[] = [];
const deadline = Date.now() + 3_000;
await Promise.all(
  Array.from({ length: 32 }, async () => {
    while (Date.now() < deadline) {
      const started = performance.now();
      await getLessonPage("review-mechanism", "01-what-is-the-review-mechanism", "en");
      inProcess.push(performance.now() - started);
    }
  }),
);
const warm = summarize(inProcess);
console.log(`warm lesson render in process (32 concurrent): ${warm.n} renders, p50 ${ms(warm.p50)}, p95 ${ms(warm.p95)}, p99 ${ms(warm.p99)}`);

// 3. Over HTTP against the built app.
const dataDir = path.resolve(`.data/bench-lessons-${Date.now().toString(36)}`);
delete process.env.DATABASE_URL;
delete process.env.MEILI_URL;
process.env.MEILI_INDEX_PREFIX = "bench_";
const stopServices = await ensureServices({ dataDir, database: "agora_bench", persistent: false });
const { getDb, closeDb } = await import("~/utils/db.server");
const { migrateToLatest } = await import("../../db/migrate");
await migrateToLatest(getDb());
await closeDb();
const port = await getFreePort();
const app = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/server.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", JOBS: "off", MDX_CACHE_DIR: process.env.MDX_CACHE_DIR },
  stdio: ["ignore", "ignore", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
for (let attempt = 0; attempt < 200; attempt++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 150));
}
// Anonymous readers, as most are: the page cache (decision 0010) serves them. A first visit sends
// no cookie; English is negotiated from Accept-Language.
const headers = { "accept-language": "en", "accept-encoding": "gzip" };
for (const url of [LESSON, `${LESSON}.data`]) {
  await fetch(`${base}${url}`, { headers }); // warm: compile and HTML caches filled
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${base}${url}`, connections: 32, duration: SECONDS, headers }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const http = summarize(latencies);
  console.log(
    `warm ${url.endsWith(".data") ? "loader data (.data)" : "lesson page"} over HTTP (32 connections, ${SECONDS} s): ${Math.round(result.requests.average)} req/s, p50 ${ms(http.p50)}, p95 ${ms(http.p95)}, p99 ${ms(http.p99)}, non-2xx ${result.non2xx}  [target p95 ≤ 10 ms: ${http.p95 <= 10 ? "met" : "missed"}]`,
  );
}
app.kill("SIGTERM");
await new Promise((resolve) => app.once("exit", resolve));
await stopServices();
await rm(dataDir, { recursive: true, force: true });
process.exit(0);
