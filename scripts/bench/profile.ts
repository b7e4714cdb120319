/**
 * CPU profile of the production build serving one page under load, to find what a render costs
 * before optimizing it (the guide: profile, don't guess). Seeds the demo data (and the hub scale
 * data with --hub) in a scratch database, runs the app with `node --cpu-prof`, drives the page
 * for a few seconds as a signed-in member (or anonymous), and prints the functions and packages
 * with the most self time per request. The .cpuprofile stays in .data/profiles/ for DevTools.
 *
 *   npm run build && npx tsx scripts/bench/profile.ts /courses [--anonymous] [--hub] [--seconds 10]
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startAppServer } from "../lib/app-process";
import { demoMemberSessionCookie, ENGLISH_COOKIE, seedHubScale } from "./data";
import { assertProductionBuild, runLoad, startScratchServices } from "./support";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { anonymous: { type: "boolean", default: false }, hub: { type: "boolean", default: false }, seconds: { type: "string", default: "10" }, connections: { type: "string", default: "1" } },
});
const page = positionals[0] ?? "/courses";
await assertProductionBuild();
const scratch = await startScratchServices("profile");
const profileDir = path.resolve(`.data/profiles/${Date.now().toString(36)}`);
mkdirSync(profileDir, { recursive: true });
let requests = 0;
/** The load run's place in the profile, counted back from its end: the app stops right after it. */
let loadMs = 0;
let stopMs = 0;
try {
  const { closeDb } = await import("~/utils/db.server");
  const { seedDemoData } = await import("../../db/seed/index");
  await seedDemoData(() => {});
  if (values.hub) await seedHubScale(5_000, 10_000);
  const sessionCookie = await demoMemberSessionCookie();
  await closeDb();
  const headers = { Cookie: values.anonymous ? ENGLISH_COOKIE : `${sessionCookie}; ${ENGLISH_COOKIE}`, "Accept-Encoding": "gzip" };
  const app = await startAppServer({ NODE_ENV: "production", JOBS: "off", LOG_LEVEL: "warn" }, { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] });
  try {
    for (let i = 0; i < 50; i++) await (await fetch(`${app.url}${page}`, { headers })).arrayBuffer(); // warm up
    const loadStarted = performance.now();
    const load = await runLoad({ url: `${app.url}${page}`, connections: Number(values.connections), seconds: Number(values.seconds), headers });
    loadMs = performance.now() - loadStarted;
    requests = load.n;
    console.log(`${page} (${values.anonymous ? "anonymous" : "signed in"}): ${load.requestsPerSecond} req/s, p50 ${load.p50.toFixed(2)} ms, p95 ${load.p95.toFixed(2)} ms, ${load.non2xx} non-2xx`);
  } finally {
    const stopStarted = performance.now();
    await app.stop();
    stopMs = performance.now() - stopStarted;
  }
} finally {
  await scratch.stop();
}

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
const file = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile written in ${profileDir}`);
const profile = JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
// Only the samples of the load run: boot, warm-up and shutdown are not what a request costs.
const windowEnd = profile.endTime - stopMs * 1000;
const windowStart = windowEnd - loadMs * 1000;
const selfMicros = new Map<number, number>();
let sampleTime = profile.startTime;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  sampleTime += delta;
  if (sampleTime >= windowStart && sampleTime <= windowEnd) selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
});
const packageOf = (url: string) => {
  if (!url) return "(native / V8)";
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.includes("/build/")) return "app build";
  return url.startsWith("node:") ? "node core" : "scripts";
};
const nameOf = ({ functionName, url, lineNumber }: Node["callFrame"]) =>
  `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(build|scripts)\//, "$1/")}:${lineNumber + 1}`;
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const functions = new Map<string, number>();
const packages = new Map<string, number>();
/** Time spent in a function and everything it called (each function counted once per stack). */
const inclusive = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const { callFrame } = byId.get(id)!;
  functions.set(nameOf(callFrame), (functions.get(nameOf(callFrame)) ?? 0) + micros);
  packages.set(packageOf(callFrame.url), (packages.get(packageOf(callFrame.url)) ?? 0) + micros);
  const onStack = new Set<string>();
  for (let frame: number | undefined = id; frame !== undefined; frame = parentOf.get(frame)) onStack.add(nameOf(byId.get(frame)!.callFrame));
  for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
}
const perRequest = (micros: number) => `${(micros / 1000 / requests).toFixed(3)} ms`;
const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log(`\nSelf time per request (${requests} requests, profile in ${path.join(profileDir, file)}):\n\nBy package:`);
for (const [name, micros] of top(packages, 15)) console.log(`  ${perRequest(micros).padStart(10)}  ${name}`);
console.log("\nBy function:");
for (const [name, micros] of top(functions, 30)) console.log(`  ${perRequest(micros).padStart(10)}  ${name}`);
console.log("\nBy function, with what it calls:");
for (const [name, micros] of top(inclusive, Number(process.env.PROFILE_INCLUSIVE ?? 40))) console.log(`  ${perRequest(micros).padStart(10)}  ${name}`);
process.exit(0);
