/**
 * `npm run bench`: the one benchmark, on the production build and a scratch database (touches no
 * real data). Seeds the demo data (courses, 189 reviews, dialogues) and 50,000 generated search
 * documents, signs a member in, then prints and writes to docs/performance.md:
 * - page × {anonymous, signed in} × {1, 16, 64} connections: req/s, p50, p95, p99, errors, and the
 *   ratio to a bare `node:http` server sending the same bytes in the same run;
 * - /search.json uncached at 1 and 16 connections;
 * - JavaScript and total bytes (gzip) a first visit to each page loads;
 * - registration contention (scripts/bench/registration.ts, run as it is).
 * Load comes from wrk (C, one thread) with a Lua script for the percentiles.
 *
 *   npm run build && npm run bench          BENCH_QUICK=1: 2 s per figure; BENCH_DOCS=N documents
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { startAppServer } from "../lib/app-process";
import { assertProductionBuild, startScratchServices } from "./support";

/** The pages measured: add a line to add a page (e.g. "/hub", "/hub/members" once they exist). */
const PAGES = ["/courses", "/reviews", "/countries/KEN", "/courses/review-mechanism/01-what-is-the-review-mechanism", "/library", "/search?q=trafficking", "/account"];
/** Pages only a signed-in member can read (no anonymous figure). */
const SIGNED_IN_ONLY = new Set(["/account"]);
const CONNECTIONS = [1, 16, 64];
const QUICK = process.env.BENCH_QUICK === "1";
const SECONDS = QUICK ? 2 : 8;
const DOCUMENTS = Number(process.env.BENCH_DOCS ?? 50_000);
const WRK = "/usr/bin/wrk";

await assertProductionBuild();
const scratch = await startScratchServices("all");
const { getDb, closeDb } = await import("~/utils/db.server");
const { seedDemoData } = await import("../../db/seed/index");
await seedDemoData(() => {});
await seedSearchDocuments(DOCUMENTS);
const { reindexSearch } = await import("~/modules/search/index.server");
await reindexSearch();
const { createUserSession } = await import("~/modules/auth/session.server");
const member = await getDb().selectFrom("app_user").select("id").where("email", "=", "member@agora.test").executeTakeFirstOrThrow();
const sessionCookie = (await createUserSession(member.id)).split(";")[0]!;
await closeDb();

const app = await startAppServer({ NODE_ENV: "production", JOBS: "off", LOG_LEVEL: "warn" });
const ENGLISH = `agora_lng=${encodeURIComponent(Buffer.from('"en"').toString("base64"))}`;
const visitors = { anonymous: ENGLISH, "signed in": `${sessionCookie}; ${ENGLISH}` };

type Figures = { rps: number; p50: number; p95: number; p99: number; errors: number };
const LUA = "/tmp/agora-bench-percentiles.lua";
writeFileSync(
  LUA,
  `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end`,
);

/**
 * One wrk run: requests per second, latency percentiles in ms, errors (non-2xx/3xx included).
 * Asynchronous: the bare reference server runs in this process and must keep answering.
 */
async function wrk(url: string, connections: number, headers: Record<string, string> = {}): Promise<Figures> {
  const args = ["-t1", `-c${connections}`, `-d${SECONDS}s`, "-s", LUA, ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]), url];
  const { stdout } = await promisify(execFile)(WRK, args, { encoding: "utf8" });
  const line = stdout.split("\n").find((text) => text.startsWith("BENCH "))!;
  const [requests, durationUs, p50, p95, p99, errors] = line.split(" ").slice(1).map(Number) as [number, number, number, number, number, number];
  return { rps: requests / (durationUs / 1e6), p50: p50 / 1000, p95: p95 / 1000, p99: p99 / 1000, errors };
}

/** A bare node:http server answering every request with `body` (gzipped, as the app sends it). */
async function bareServer(body: Buffer) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const rows: string[] = [];
const header = "| page | visitor | conns | req/s | p50 ms | p95 ms | p99 ms | errors | bare req/s | ratio |";
rows.push(header, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const bytes: string[] = ["| page | visitor | HTML gzip KB | JavaScript gzip KB | total KB |", "| --- | --- | --- | --- | --- |"];

for (const page of PAGES) {
  for (const [visitor, cookie] of Object.entries(visitors)) {
    if (visitor === "anonymous" && SIGNED_IN_ONLY.has(page)) continue;
    const headers = { Cookie: cookie, "Accept-Encoding": "gzip", "Accept-Language": "en" };
    // A fresh connection: the app may have closed the previous one after the last load run.
    const response = await fetch(`${app.url}${page}`, { headers: { ...headers, Connection: "close" }, redirect: "manual" }).catch(() => fetch(`${app.url}${page}`, { headers, redirect: "manual" }));
    const html = await response.text();
    const gzipped = gzipSync(html);
    // What a first visit loads: the page, its stylesheets and its scripts (all gzip).
    const assets = [...html.matchAll(/<(?:link|script)\b[^>]*(?:href|src)="(\/build\/[^"]+\.(?:js|css))"/g)].map(([, href]) => href!);
    let scriptBytes = 0;
    let assetBytes = 0;
    for (const href of new Set(assets)) {
      const size = gzipSync(Buffer.from(await (await fetch(`${app.url}${href}`, { headers: { Connection: "close" } })).arrayBuffer())).length;
      assetBytes += size;
      if (href.endsWith(".js")) scriptBytes += size;
    }
    bytes.push(`| ${page} | ${visitor} | ${fmt(gzipped.length / 1024)} | ${fmt(scriptBytes / 1024)} | ${fmt((gzipped.length + assetBytes) / 1024)} |`);
    const bare = await bareServer(gzipped);
    for (const connections of CONNECTIONS) {
      const figures = await wrk(`${app.url}${page}`, connections, headers);
      const reference = await wrk(bare.url, connections);
      const line = `| ${page} | ${visitor} | ${connections} | ${fmt(figures.rps, 0)} | ${fmt(figures.p50, 2)} | ${fmt(figures.p95, 2)} | ${fmt(figures.p99, 2)} | ${figures.errors} | ${fmt(reference.rps, 0)} | ${fmt(figures.rps / reference.rps, 3)} |`;
      console.log(line);
      rows.push(line);
    }
    await bare.close();
  }
}

const search: string[] = ["| /search.json (uncached) | conns | req/s | p50 ms | p95 ms | p99 ms | errors |", "| --- | --- | --- | --- | --- | --- | --- |"];
for (const connections of [1, 16]) {
  // A new query string each run is not possible with plain wrk; the JSON route is not page-cached.
  const figures = await wrk(`${app.url}/search.json?q=trafficking`, connections, { "Accept-Encoding": "gzip" });
  const line = `| q=trafficking, ${DOCUMENTS} documents | ${connections} | ${fmt(figures.rps, 0)} | ${fmt(figures.p50, 2)} | ${fmt(figures.p95, 2)} | ${fmt(figures.p99, 2)} | ${figures.errors} |`;
  console.log(line);
  search.push(line);
}
await app.stop();
await scratch.stop();

// Registration contention: its own scratch database and app, as scripts/bench/registration.ts sets them up.
const registration = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/registration.ts", ...(QUICK ? ["--members", "200", "--seats", "50"] : [])], { encoding: "utf8" });
const registrationReport = (registration.stdout + registration.stderr).trim();
console.log(registrationReport);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.type()} ${os.release()}, load average at the end ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}`;
const report = `# Performance

Written by \`npm run bench\` (scripts/bench/index.ts) on ${new Date().toISOString()}${QUICK ? " in quick mode (2 s per figure: indicative only)" : ""}.
Load generator: wrk (one thread, Lua script for percentiles), ${SECONDS} s per figure, on the same machine as the app.
Machine: ${machine}.
Data: demo data (courses, reviews, dialogues) and ${DOCUMENTS} generated search documents.
"bare" is a \`node:http\` server sending the same gzipped bytes in the same run.

Targets (issue 12): signed-in pages ≥ 400 req/s at 16 connections and p50 ≤ 3 ms at 1; anonymous
cached pages at 64 connections p99 ≤ 50 ms and ≥ 0.25 of bare; /search.json p95 ≤ 15 ms at 1
connection, ≥ 300 req/s and 0 errors at 16; first-load JavaScript ≤ 60 KB gzip on reading pages.

## Pages

${rows.join("\n")}

## Bytes of a first visit

${bytes.join("\n")}

## Search

${search.join("\n")}

## Registration contention

\`\`\`
${registrationReport}
\`\`\`
`;
writeFileSync("docs/performance.md", report);
console.log("\nWritten to docs/performance.md");
process.exit(0);

/** Generated resources in seven languages with realistic lengths (as scripts/bench/search.ts). */
async function seedSearchDocuments(count: number) {
  const { getDb: db } = await import("~/utils/db.server");
  const WORDS = "organized crime convention protocol trafficking persons smuggling migrants firearms review mechanism questionnaire observations cooperation legal assistance confiscation".split(" ");
  const LOCALES = ["en", "fr", "es", "ar", "zh", "ru", "pt"];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const FILLER = Array.from({ length: 5_000 }, (_, index) => `w${index.toString(36)}x`);
  const words = (n: number) => Array.from({ length: n }, () => (random() < 0.04 ? pick(WORDS) : FILLER[Math.floor(FILLER.length * random() ** 2)]!)).join(" ");
  for (let offset = 0; offset < count; offset += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, count - offset) }, (_, index) => {
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
        type: pick(["manual", "guide", "report", "toolkit"]),
        instruments: [pick(["untoc", "tip", "som", "firearms"])],
        articles: [`untoc:${1 + Math.floor(random() * 41)}`],
        clusters: [pick(["I", "II", "III", "IV"])],
        stages: [pick(["saq", "written_feedback", "list_of_observations"])],
        audiences: ["general"],
        country: null,
        year: 2000 + Math.floor(random() * 25),
      };
    });
    await db().insertInto("search_document").values(rows).execute();
  }
}
