/**
 * Lesson compile benchmark, a section of `npm run bench` (which also serves a lesson over HTTP).
 * Prints:
 * 1. cold compile: every lesson file compiled by mdx-bundler with no cache, after the compiler's
 *    start-up that the app pays at boot (target ≤ 300 ms per lesson);
 * 2. warm render in process: getLessonPage (cached compile + cached HTML) at 32 concurrent calls.
 *
 *   npx tsx scripts/bench/lessons.ts
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ms, summarize } from "./support";


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

process.exit(0);
