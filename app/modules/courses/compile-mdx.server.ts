/**
 * The one place lessons are compiled: a thin wrapper around mdx-bundler's `bundleMDX`, on the
 * server only. Compiles run one at a time (esbuild is memory-hungry on a small machine) and are
 * cached by file path + content hash, in memory (LRU) and on disk under `.data/mdx-cache`, so a
 * warm lesson — even after a restart — costs no compile.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { emptyExtract, remarkLessonExtract, type LessonExtract } from "./lesson-extract.server";

export type CompiledLesson = {
  /** The compiled MDX module (for `getMDXComponent`); quizzes reduced to `<Quiz id>` placeholders. */
  code: string;
  frontmatter: Record<string, unknown>;
  extract: LessonExtract;
  /** Content hash, so rendered HTML can be cached against the same version. */
  hash: string;
};

/** Bump when the plugin list or extraction changes: old disk entries are then ignored. */
const CACHE_VERSION = "lesson-v3";

const memory = new LRUCache<string, CompiledLesson>({ max: 500 });
let queue: Promise<unknown> = Promise.resolve();

function cacheDir() {
  return path.resolve(process.env.MDX_CACHE_DIR ?? ".data/mdx-cache");
}

export function contentHash(source: string) {
  return createHash("sha256").update(CACHE_VERSION).update("\0").update(source).digest("hex");
}

/** Runs `task` after every compile queued before it. */
function serialize<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function readDiskEntry(file: string): Promise<CompiledLesson | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as CompiledLesson;
  } catch {
    return null;
  }
}

async function writeDiskEntry(file: string, entry: CompiledLesson) {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, file);
  } catch {
    // A read-only disk only costs a recompile after restart.
  }
}

/** Compiles without any cache; throws with the file's name and the first error. */
export async function compileLessonSource(source: string, filePath: string): Promise<Omit<CompiledLesson, "hash">> {
  const extract = emptyExtract();
  return serialize(async () => {
    try {
      const result = await bundleMDX({
        source,
        cwd: path.dirname(path.resolve(filePath)),
        mdxOptions(options) {
          // Keep remark-frontmatter (it parses the YAML block away) but not the frontmatter export:
          // the frontmatter is validated separately and the bundle stays smaller.
          const [remarkFrontmatter] = options.remarkPlugins ?? [];
          options.remarkPlugins = [...(remarkFrontmatter ? [remarkFrontmatter] : []), remarkGfm, [remarkLessonExtract, extract]];
          options.rehypePlugins = [];
          return options;
        },
        esbuildOptions(options) {
          options.minify = true;
          options.target = "es2019";
          return options;
        },
      });
      return { code: result.code, frontmatter: result.frontmatter as Record<string, unknown>, extract };
    } catch (error) {
      const errors = (error as { errors?: Array<{ text: string; location?: { line: number } | null }> }).errors;
      const first = errors?.[0];
      const detail = first ? `${first.text}${first.location ? ` (line ${first.location.line})` : ""}` : (error as Error).message;
      throw new Error(`${filePath}: ${detail}`, { cause: error });
    }
  });
}

/**
 * The compiled lesson for this file and content: from memory, else from disk, else compiled
 * (and stored in both).
 */
export async function getCompiledLesson(filePath: string, source: string): Promise<CompiledLesson> {
  const hash = contentHash(`${filePath}\0${source}`);
  const hit = memory.get(hash);
  if (hit) return hit;
  const diskFile = path.join(cacheDir(), `${hash}.json`);
  const fromDisk = await readDiskEntry(diskFile);
  if (fromDisk && fromDisk.hash === hash) {
    memory.set(hash, fromDisk);
    return fromDisk;
  }
  const compiled = { ...(await compileLessonSource(source, filePath)), hash };
  memory.set(hash, compiled);
  await writeDiskEntry(diskFile, compiled);
  return compiled;
}

/**
 * Starts esbuild and loads the MDX toolchain with a one-line lesson, so that the first real
 * compile after a deploy costs ~100 ms instead of ~600 ms. Safe to call more than once.
 */
let warming: Promise<void> | null = null;
export function warmUpCompiler(): Promise<void> {
  warming ??= compileLessonSource("# Warm-up\n", path.resolve("content/courses/warm-up.mdx")).then(
    () => {},
    () => {},
  );
  return warming;
}
