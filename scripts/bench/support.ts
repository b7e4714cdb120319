/**
 * What the benchmarks share: scratch services that never touch real data, and a load run that
 * reports the percentiles our targets are written in (autocannon itself prints no p95).
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { ensureServices } from "../lib/services";

/**
 * Embedded PostgreSQL and Meilisearch under `.data/bench-<name>-<time>`, migrated. Call before
 * importing app modules (they read DATABASE_URL and MEILI_URL). `stop` removes everything.
 */
export async function startScratchServices(name: string) {
  const dataDir = path.resolve(`.data/bench-${name}-${Date.now().toString(36)}`);
  delete process.env.DATABASE_URL;
  delete process.env.MEILI_URL;
  process.env.MEILI_INDEX_PREFIX = `bench_${name}_`;
  const stopServices = await ensureServices({ dataDir, database: "agora_bench", persistent: false });
  const { getDb } = await import("~/utils/db.server");
  const { migrateToLatest } = await import("../../db/migrate");
  await migrateToLatest(getDb());
  return {
    stop: async () => {
      await stopServices();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

/** Benchmarks measure the production build: refuse a development one (a running `npm run dev` writes one). */
export async function assertProductionBuild() {
  if ((await readFile("build/index.js", "utf8")).includes("jsxDEV(")) throw new Error("build/ is a development build: run `npm run build` first.");
}

/** Count and percentiles of a list of durations in milliseconds. */
export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** Drives `url` (or a rotation of `requests`) with autocannon and times every response. */
export async function runLoad(options: { url: string; connections: number; seconds: number; headers?: Record<string, string>; requests?: autocannon.Request[] }) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.seconds, headers: options.headers, requests: options.requests },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const figures = summarize(latencies);
  return { ...figures, requestsPerSecond: Math.round(result.requests.average), non2xx: result.non2xx, errors: result.errors };
}

