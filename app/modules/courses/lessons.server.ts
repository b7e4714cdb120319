/**
 * The content API the pages, the PDF, search and other modules use: course lists and outlines,
 * lesson pages with their quizzes (without the key), and the server-side quiz key for grading.
 * List items never carry compiled code.
 */
import { stat } from "node:fs/promises";
import { LOCALES, type Locale } from "~/utils/i18n";
import { getCompiledLesson, type CompiledLesson } from "./compile-mdx.server";
import { completeLocales, getContentIndex, readLessonSource, resolveLessonFile, type CourseEntry, type LessonEntry, type LessonFile } from "./content.server";
import type { PublicQuiz, Tags, TranslationStatus } from "./courses.schema.server";
import type { Audience } from "~/modules/treaty/vocabulary";
import { toPublicQuiz, type QuizDefinition } from "./lesson-extract.server";
import { renderLessonSegments } from "./render-lesson.server";
import { pickLocalizedWithLanguage } from "~/utils/format";

export type CourseSummary = {
  slug: string;
  title: string;
  /** The language the title is in (English when the course has no title in the reader's language). */
  titleLocale: Locale;
  summary: string;
  estimatedMinutes: number;
  passMark: number;
  lessonCount: number;
  audiences: Audience[];
  tags: Tags;
  /** Languages in which every lesson exists. */
  completeLocales: Locale[];
  /** Languages with at least one lesson, complete ones included. */
  locales: Locale[];
};

export type SyllabusItem = {
  slug: string;
  position: number;
  title: string;
  titleLocale: Locale;
  estimatedMinutes: number;
  status: TranslationStatus;
  quizCount: number;
};

// Compiled lessons by file path, with the modification time they were read at: a warm request
// costs one stat() instead of a read and a hash.
const byPath = new Map<string, { mtimeMs: number; compiled: CompiledLesson }>();

/** The compiled lesson for a file (cached by path + content hash, see compile-mdx.server). */
export async function compileLessonFile(file: LessonFile): Promise<CompiledLesson> {
  const info = await stat(file.filePath);
  const known = byPath.get(file.filePath);
  if (known && known.mtimeMs === info.mtimeMs) return known.compiled;
  const { source, mtimeMs } = await readLessonSource(file.filePath);
  const compiled = await getCompiledLesson(file.filePath, source);
  byPath.set(file.filePath, { mtimeMs, compiled });
  return compiled;
}

function summarize(course: CourseEntry, locale: Locale): CourseSummary {
  const title = pickLocalizedWithLanguage(course.frontmatter.title, locale);
  const summary = pickLocalizedWithLanguage(course.frontmatter.summary, locale);
  const complete = completeLocales(course);
  const withLessons = new Set<Locale>(course.lessons.flatMap((lesson) => Object.keys(lesson.files) as Locale[]));
  return {
    slug: course.slug,
    title: title.text,
    titleLocale: title.locale,
    summary: summary.text,
    estimatedMinutes: course.frontmatter.estimatedMinutes,
    passMark: course.frontmatter.passMark,
    lessonCount: course.lessons.length,
    audiences: course.frontmatter.audiences,
    tags: course.frontmatter.tags,
    completeLocales: complete,
    locales: LOCALES.filter((code) => withLessons.has(code)),
  };
}

export async function listCourses(locale: Locale): Promise<CourseSummary[]> {
  const index = await getContentIndex();
  return index.courses.map((course) => summarize(course, locale));
}

export async function getCourseEntry(slug: string): Promise<CourseEntry | null> {
  return (await getContentIndex()).bySlug.get(slug) ?? null;
}

/** The English quizzes of a lesson: the reference every translation is graded against. */
export async function getLessonQuizzes(lesson: LessonEntry): Promise<QuizDefinition[]> {
  return (await compileLessonFile(lesson.files.en)).extract.quizzes;
}

/** What a learner must do to finish the course: every lesson, and every quiz passed. */
export async function getCourseRequirements(course: CourseEntry) {
  const quizzes: Array<{ lessonSlug: string; quizId: string }> = [];
  for (const lesson of course.lessons) {
    for (const quiz of await getLessonQuizzes(lesson)) quizzes.push({ lessonSlug: lesson.slug, quizId: quiz.id });
  }
  return { lessonSlugs: course.lessons.map((lesson) => lesson.slug), quizzes };
}

export async function getCourseOutline(slug: string, locale: Locale) {
  const course = await getCourseEntry(slug);
  if (!course) return null;
  const syllabus: SyllabusItem[] = [];
  for (const lesson of course.lessons) {
    const { file, status } = resolveLessonFile(lesson, locale);
    syllabus.push({
      slug: lesson.slug,
      position: lesson.position,
      title: file.frontmatter.title,
      titleLocale: file.locale,
      estimatedMinutes: file.frontmatter.estimatedMinutes,
      status,
      quizCount: (await getLessonQuizzes(lesson)).length,
    });
  }
  return { course: summarize(course, locale), entry: course, syllabus };
}

export type LessonPage = Awaited<ReturnType<typeof getLessonPage>>;

/**
 * Everything a lesson page shows, in `locale` or in English when the lesson has no translation:
 * the HTML segments, quizzes without their key, glossary, neighbours and translation status.
 */
export async function getLessonPage(courseSlug: string, lessonSlug: string, locale: Locale) {
  const course = await getCourseEntry(courseSlug);
  const index = course?.lessons.findIndex((lesson) => lesson.slug === lessonSlug) ?? -1;
  if (!course || index < 0) return null;
  const lesson = course.lessons[index]!;
  const { file, status, fallback } = resolveLessonFile(lesson, locale);
  const compiled = await compileLessonFile(file);
  const segments = await renderLessonSegments(compiled, locale);
  const neighbour = (entry: LessonEntry | undefined) => (entry ? { slug: entry.slug, title: resolveLessonFile(entry, locale).file.frontmatter.title } : null);
  return {
    course: summarize(course, locale),
    entry: course,
    lesson: { slug: lesson.slug, position: index + 1, title: file.frontmatter.title, estimatedMinutes: file.frontmatter.estimatedMinutes, locale: file.locale },
    isFirst: index === 0,
    status,
    fallback,
    segments,
    quizzes: compiled.extract.quizzes.map(toPublicQuiz) as PublicQuiz[],
    terms: compiled.extract.terms,
    previous: neighbour(course.lessons[index - 1]),
    next: neighbour(course.lessons[index + 1]),
  };
}

/** The quiz with its key, from the English original, for grading; null when unknown. */
export async function getQuizForGrading(course: CourseEntry, lessonSlug: string, quizId: string): Promise<QuizDefinition | null> {
  const lesson = course.lessons.find((entry) => entry.slug === lessonSlug);
  if (!lesson) return null;
  return (await getLessonQuizzes(lesson)).find((quiz) => quiz.id === quizId) ?? null;
}

/** Every lesson of a course in `locale` (English where missing): for the printable page and the PDF. */
export async function getCourseForOffline(slug: string, locale: Locale) {
  const course = await getCourseEntry(slug);
  if (!course) return null;
  const lessons = [];
  for (const lesson of course.lessons) {
    const { file, status, fallback } = resolveLessonFile(lesson, locale);
    const compiled = await compileLessonFile(file);
    lessons.push({
      slug: lesson.slug,
      title: file.frontmatter.title,
      locale: file.locale,
      status,
      fallback,
      blocks: compiled.extract.blocks,
      quizzes: compiled.extract.quizzes.map(toPublicQuiz) as PublicQuiz[],
      terms: compiled.extract.terms,
      segments: await renderLessonSegments(compiled, locale),
    });
  }
  return { course: summarize(course, locale), lessons };
}
