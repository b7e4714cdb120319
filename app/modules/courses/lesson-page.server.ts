/**
 * A course's overview page and a lesson's page, and their forms, each as one call: the display-ready view of the lesson with the
 * reader's progress, and the workflow behind the lesson's form (mark it done, or grade a quiz
 * and record the attempt under the course's rules).
 */
import { formDataToObject } from "~/utils/forms.server";
import type { Locale } from "~/utils/i18n";
import { EnrollForm, LessonIntent, QuizSubmission } from "./courses.schema.server";
import { gradeSubmission } from "./grading.server";
import { getCourseEntry, getCourseOutline, getCourseRequirements, getLessonPage, getQuizForGrading } from "./lessons.server";
import { completeLesson, enrollInCourse, recordQuizAttempt } from "./mutations.server";
import { getCourseProgress, getLatestAttempts, getPassedQuizIds } from "./queries.server";

type LatestAttempt = Awaited<ReturnType<typeof getLatestAttempts>> extends Map<string, infer Attempt> ? Attempt : never;

/**
 * The lesson page for `userId` (null: a visitor), null when the course or lesson does not exist,
 * or "sign-in" when a visitor asks for a lesson past the first (visitors may read the first one).
 */
export async function getLessonPageView(courseSlug: string, lessonSlug: string, locale: Locale, userId: string | null) {
  const page = await getLessonPage(courseSlug, lessonSlug, locale);
  if (!page) return null;
  if (!page.isFirst && userId === null) return "sign-in" as const;
  const quizIds = page.quizzes.map((quiz) => quiz.id);
  const [progress, attempts, passed] = userId
    ? await Promise.all([getCourseProgress(userId, page.course.slug), getLatestAttempts(userId, page.course.slug, quizIds), getPassedQuizIds(userId, page.course.slug)])
    : [null, new Map(), new Set<string>()];
  const attemptViews: Record<string, Pick<LatestAttempt, "score" | "passed" | "results" | "answers">> = {};
  for (const [quizId, attempt] of attempts) attemptViews[quizId] = { score: attempt.score, passed: attempt.passed, results: attempt.results, answers: attempt.answers };
  return {
    course: { slug: page.course.slug, title: page.course.title, titleLocale: page.course.titleLocale, passMark: page.course.passMark, lessonCount: page.course.lessonCount },
    lesson: page.lesson,
    status: page.status,
    fallback: page.fallback,
    segments: page.segments,
    quizzes: page.quizzes,
    terms: page.terms,
    previous: page.previous,
    next: page.next,
    signedIn: userId !== null,
    completed: progress?.completedLessons.includes(page.lesson.slug) ?? false,
    doneCount: progress?.completedLessons.length ?? 0,
    certificateCode: progress?.certificateCode ?? null,
    quizzesPassed: quizIds.every((id) => passed.has(id)),
    attempts: attemptViews,
  };
}

/** What became of a lesson form: where to go next, or the error to show (with its HTTP status). */
export type LessonFormOutcome =
  | { kind: "not-found" }
  | { kind: "done"; path: string }
  | { kind: "form-error"; key: string }
  | { kind: "quiz-error"; status: 400 | 429; quizId: string; key: string; values?: Record<string, number>; answers: Record<string, string[]> };

/**
 * The lesson form's workflow: "complete" marks the lesson done (refused while its quizzes are not
 * passed); a quiz is graded against its definition and the attempt recorded, unless the course's
 * retry delay has not passed. `path` is the lesson's address, to which the outcome adds an anchor.
 */
export async function submitLessonForm(userId: string, courseSlug: string, lessonSlug: string, path: string, formData: FormData): Promise<LessonFormOutcome> {
  const course = await getCourseEntry(courseSlug);
  const lesson = course?.lessons.find((entry) => entry.slug === lessonSlug);
  if (!course || !lesson) return { kind: "not-found" };
  const intent = LessonIntent.safeParse({ intent: formData.get("intent") });
  if (!intent.success) return { kind: "form-error", key: "courses:errors.unknownIntent" };
  const requirements = await getCourseRequirements(course);

  if (intent.data.intent === "complete") {
    const outcome = await completeLesson(userId, course.slug, lesson.slug, requirements);
    if (outcome.status === "quiz-required") return { kind: "form-error", key: "courses:lesson.quizFirst" };
    return { kind: "done", path: `${path}#lesson-status` };
  }

  const fields = formDataToObject(formData);
  const submission = QuizSubmission.safeParse(fields);
  const quiz = submission.success ? await getQuizForGrading(course, lesson.slug, submission.data.quizId) : null;
  if (!quiz) return { kind: "form-error", key: "courses:quiz.errors.unknownQuiz" };
  const outcome = gradeSubmission(quiz, fields, course.frontmatter.passMark);
  if (!outcome.ok) return { kind: "quiz-error", status: 400, quizId: quiz.id, key: `quiz.errors.${outcome.reason}`, answers: outcome.answers };
  const recorded = await recordQuizAttempt(userId, course.slug, lesson.slug, quiz.id, outcome.grade, requirements, course.frontmatter.retryDelayMinutes);
  if ("waitMinutes" in recorded) return { kind: "quiz-error", status: 429, quizId: quiz.id, key: "quiz.errors.wait", values: { minutes: recorded.waitMinutes }, answers: outcome.grade.answers };
  return { kind: "done", path: `${path}#quiz-${quiz.id}` };
}

/** A course's overview page for `userId` (null: a visitor): the outline with the reader's progress; null for an unknown course. */
export async function getCoursePageView(courseSlug: string, locale: Locale, userId: string | null) {
  const outline = await getCourseOutline(courseSlug, locale);
  if (!outline) return null;
  const progress = userId ? await getCourseProgress(userId, outline.course.slug) : null;
  const done = new Set(progress?.completedLessons ?? []);
  return {
    course: outline.course,
    // Visitors may read the first lesson; the others need an account.
    syllabus: outline.syllabus.map((item, index) => ({ ...item, done: done.has(item.slug), readable: userId !== null || index === 0 })),
    signedIn: userId !== null,
    enrolled: progress?.enrolled ?? false,
    doneCount: done.size,
    certificateCode: progress?.certificateCode ?? null,
    nextLesson: outline.syllabus.find((item) => !done.has(item.slug)) ?? outline.syllabus[0]!,
  };
}

/** Enrols `userId` in the course from its enrol form: "not-found" for an unknown course, "bad-form" when the form is not the enrol form. */
export async function enrollFromForm(userId: string, courseSlug: string, formData: FormData): Promise<"not-found" | "bad-form" | "enrolled"> {
  const course = await getCourseEntry(courseSlug);
  if (!course) return "not-found";
  if (!EnrollForm.safeParse(Object.fromEntries(formData)).success) return "bad-form";
  await enrollInCourse(userId, course.slug);
  return "enrolled";
}
