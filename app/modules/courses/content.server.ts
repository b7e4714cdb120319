/**
 * The course content on disk: `content/courses/<course>/course.md` plus
 * `<locale>/<nn>-<lesson>.mdx`. Frontmatter is validated with zod; the index (course and lesson
 * metadata, never lesson bodies) is read once per process and re-read in development so edits show.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "~/utils/i18n";
import { COURSE_SLUG, CourseFrontmatter, LESSON_FILE, LessonFrontmatter, type TranslationStatus } from "./courses.schema.server";
import { expandClusterRefs } from "~/modules/treaty/cluster-refs.server";

export type LessonFile = {
  locale: Locale;
  filePath: string;
  frontmatter: LessonFrontmatter;
};

export type LessonEntry = {
  /** The file name without `.mdx`, identical in every locale: `02-groups-and-pairing`. */
  slug: string;
  position: number;
  /** Locale → the file in that locale; English always present. */
  files: Partial<Record<Locale, LessonFile>> & { en: LessonFile };
};

export type CourseEntry = {
  slug: string;
  dir: string;
  frontmatter: CourseFrontmatter;
  lessons: LessonEntry[];
};

export type ContentIndex = { courses: CourseEntry[]; bySlug: Map<string, CourseEntry> };

export class ContentError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "ContentError";
  }
}

/** Where courses live; `COURSES_DIR` points elsewhere (fixtures in tests and benchmarks). */
export function getCoursesRoot() {
  return path.resolve(process.env.COURSES_DIR ?? "content/courses");
}

function formatIssues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }) {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

async function readFrontmatter(file: string): Promise<{ data: unknown; content: string }> {
  const source = await readFile(file, "utf8");
  try {
    const parsed = matter(source);
    return { data: parsed.data, content: parsed.content };
  } catch (error) {
    throw new ContentError(`frontmatter is not valid YAML: ${(error as Error).message}`, file);
  }
}

async function listDir(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function readCourse(root: string, slug: string): Promise<CourseEntry> {
  const dir = path.join(root, slug);
  const courseFile = path.join(dir, "course.md");
  if (!COURSE_SLUG.test(slug)) throw new ContentError("course folder names are lowercase words joined by dashes", dir);
  const { data } = await readFrontmatter(courseFile);
  const parsed = CourseFrontmatter.safeParse(expandClusterRefs(data));
  if (!parsed.success) throw new ContentError(formatIssues(parsed.error), courseFile);

  const lessons = new Map<string, LessonEntry>();
  for (const locale of LOCALES) {
    for (const item of await listDir(path.join(dir, locale))) {
      if (!item.isFile()) continue;
      const filePath = path.join(dir, locale, item.name);
      const match = LESSON_FILE.exec(item.name);
      if (!match) throw new ContentError("lesson files are named <nn>-<lesson-slug>.mdx", filePath);
      const lessonFrontmatter = LessonFrontmatter.safeParse(expandClusterRefs((await readFrontmatter(filePath)).data));
      if (!lessonFrontmatter.success) throw new ContentError(formatIssues(lessonFrontmatter.error), filePath);
      const slugWithNumber = item.name.replace(/\.mdx$/, "");
      if (locale !== DEFAULT_LOCALE && !lessons.has(slugWithNumber)) {
        throw new ContentError(`no English original for this lesson (expected ${path.join(dir, "en", item.name)})`, filePath);
      }
      const entry = lessons.get(slugWithNumber) ?? ({ slug: slugWithNumber, position: Number(match[1]), files: {} } as LessonEntry);
      entry.files[locale] = { locale, filePath, frontmatter: lessonFrontmatter.data };
      lessons.set(slugWithNumber, entry);
    }
  }
  const ordered = [...lessons.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  if (ordered.length === 0) throw new ContentError("a course needs at least one English lesson", path.join(dir, "en"));
  const positions = new Set<number>();
  for (const lesson of ordered) {
    if (positions.has(lesson.position)) throw new ContentError(`two lessons share the number ${String(lesson.position).padStart(2, "0")}`, path.join(dir, "en"));
    positions.add(lesson.position);
  }
  return { slug, dir, frontmatter: parsed.data, lessons: ordered };
}

/** Reads every course's metadata; throws a ContentError naming the first bad file. */
export async function readContentIndex(root = getCoursesRoot()): Promise<ContentIndex> {
  const courses: CourseEntry[] = [];
  for (const item of await listDir(root)) {
    if (!item.isDirectory() || item.name.startsWith(".")) continue;
    courses.push(await readCourse(root, item.name));
  }
  courses.sort((a, b) => a.frontmatter.order - b.frontmatter.order || a.slug.localeCompare(b.slug));
  const orders = new Map<number, string>();
  for (const course of courses) {
    const other = orders.get(course.frontmatter.order);
    if (other) throw new ContentError(`order ${course.frontmatter.order} is also used by "${other}"; each course needs its own position`, path.join(course.dir, "course.md"));
    orders.set(course.frontmatter.order, course.slug);
  }
  return { courses, bySlug: new Map(courses.map((course) => [course.slug, course])) };
}

type IndexHolder = { root: string; loadedAt: number; index: Promise<ContentIndex> };
const holder = globalThis as typeof globalThis & { __agoraCourseIndex?: IndexHolder };

/**
 * The content index for the app. Kept for the life of the process; in development it is re-read
 * when older than a second, so an author sees their edit on the next reload.
 */
export function getContentIndex(): Promise<ContentIndex> {
  const root = getCoursesRoot();
  const current = holder.__agoraCourseIndex;
  const stale = process.env.NODE_ENV === "development" && current && Date.now() - current.loadedAt > 1000;
  if (!current || current.root !== root || stale) {
    const index = readContentIndex(root);
    holder.__agoraCourseIndex = { root, loadedAt: Date.now(), index };
    // A failed read is not cached: the next request tries again.
    index.catch(() => {
      if (holder.__agoraCourseIndex?.index === index) holder.__agoraCourseIndex = undefined;
    });
  }
  return holder.__agoraCourseIndex!.index;
}

/** The file to show for `locale` (falling back to English) and its translation status. */
export function resolveLessonFile(lesson: LessonEntry, locale: Locale): { file: LessonFile; status: TranslationStatus; fallback: boolean } {
  const own = lesson.files[locale];
  if (own) return { file: own, status: locale === DEFAULT_LOCALE ? "original" : own.frontmatter.translation, fallback: false };
  return { file: lesson.files.en, status: "missing", fallback: true };
}

/** Reads a lesson file's source; the modification time lets callers skip re-hashing. */
export async function readLessonSource(filePath: string) {
  const [source, info] = await Promise.all([readFile(filePath, "utf8"), stat(filePath)]);
  return { source, mtimeMs: info.mtimeMs };
}

/** Locales in which every lesson of the course exists. */
export function completeLocales(course: CourseEntry): Locale[] {
  return LOCALES.filter((locale) => course.lessons.every((lesson) => lesson.files[locale]));
}
