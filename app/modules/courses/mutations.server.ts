/**
 * Writes of the learning flow, each in one transaction that first locks the learner's enrollment
 * row: two requests of the same learner (a double click, two tabs) then run one after the other,
 * so "complete" stays idempotent and the certificate is issued exactly once.
 */
import { randomBytes } from "node:crypto";
import { getDb, type Executor } from "~/utils/db.server";
import type { Grade } from "./grading.server";

export type CourseRequirements = { lessonSlugs: string[]; quizzes: Array<{ lessonSlug: string; quizId: string }> };

// Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function generateCertificateCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % 32]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((group) => group.join("")).join("-");
}

/** Enrolls the learner (no-op when already enrolled) and locks the enrollment row until commit. */
async function lockEnrollment(trx: Executor, userId: string, courseSlug: string) {
  await trx.insertInto("course_enrollment").values({ user_id: userId, course_slug: courseSlug }).onConflict((oc) => oc.columns(["user_id", "course_slug"]).doNothing()).execute();
  return trx.selectFrom("course_enrollment").select(["enrolled_at", "completed_at"]).where("user_id", "=", userId).where("course_slug", "=", courseSlug).forUpdate().executeTakeFirstOrThrow();
}

export async function enrollInCourse(userId: string, courseSlug: string) {
  await getDb()
    .insertInto("course_enrollment")
    .values({ user_id: userId, course_slug: courseSlug })
    .onConflict((oc) => oc.columns(["user_id", "course_slug"]).doNothing())
    .execute();
}

/** Issues the certificate when every lesson is complete and every quiz passed; returns its code, if any. */
async function issueCertificateIfComplete(trx: Executor, userId: string, courseSlug: string, requirements: CourseRequirements): Promise<string | null> {
  const existing = await trx.selectFrom("certificate").select("code").where("user_id", "=", userId).where("course_slug", "=", courseSlug).executeTakeFirst();
  if (existing) return null;
  const [done, passed] = await Promise.all([
    trx.selectFrom("lesson_progress").select("lesson_slug").where("user_id", "=", userId).where("course_slug", "=", courseSlug).execute(),
    trx.selectFrom("quiz_attempt").select("quiz_id").distinct().where("user_id", "=", userId).where("course_slug", "=", courseSlug).where("passed", "=", true).execute(),
  ]);
  const doneSet = new Set(done.map((row) => row.lesson_slug));
  const passedSet = new Set(passed.map((row) => row.quiz_id));
  if (!requirements.lessonSlugs.every((slug) => doneSet.has(slug))) return null;
  if (!requirements.quizzes.every((quiz) => passedSet.has(quiz.quizId))) return null;
  const holder = await trx.selectFrom("app_user").select("display_name").where("id", "=", userId).executeTakeFirstOrThrow();
  const code = generateCertificateCode();
  const inserted = await trx
    .insertInto("certificate")
    .values({ code, user_id: userId, course_slug: courseSlug, holder_name: holder.display_name })
    .onConflict((oc) => oc.columns(["user_id", "course_slug"]).doNothing())
    .returning("code")
    .executeTakeFirst();
  await trx.updateTable("course_enrollment").set({ completed_at: new Date() }).where("user_id", "=", userId).where("course_slug", "=", courseSlug).where("completed_at", "is", null).execute();
  return inserted?.code ?? null;
}

export type CompleteOutcome = { status: "completed" | "already-complete" | "quiz-required"; certificateCode: string | null };

/**
 * Marks a lesson complete. A lesson with a quiz completes when its quiz is passed, not before;
 * posting again changes nothing.
 */
export async function completeLesson(userId: string, courseSlug: string, lessonSlug: string, requirements: CourseRequirements): Promise<CompleteOutcome> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      // Refused before the enrollment is locked (and so created): a refusal writes nothing. Passed
      // attempts are never deleted, so checking them before the lock cannot go stale.
      const lessonQuizzes = requirements.quizzes.filter((quiz) => quiz.lessonSlug === lessonSlug).map((quiz) => quiz.quizId);
      if (lessonQuizzes.length > 0) {
        const passed = await trx.selectFrom("quiz_attempt").select("quiz_id").distinct().where("user_id", "=", userId).where("course_slug", "=", courseSlug).where("quiz_id", "in", lessonQuizzes).where("passed", "=", true).execute();
        if (passed.length < lessonQuizzes.length) return { status: "quiz-required" as const, certificateCode: null };
      }
      await lockEnrollment(trx, userId, courseSlug);
      const inserted = await trx
        .insertInto("lesson_progress")
        .values({ user_id: userId, course_slug: courseSlug, lesson_slug: lessonSlug })
        .onConflict((oc) => oc.columns(["user_id", "course_slug", "lesson_slug"]).doNothing())
        .returning("lesson_slug")
        .executeTakeFirst();
      const certificateCode = await issueCertificateIfComplete(trx, userId, courseSlug, requirements);
      return { status: inserted ? ("completed" as const) : ("already-complete" as const), certificateCode };
    });
}

/**
 * Stores a graded attempt. Passing the last quiz of a lesson completes the lesson, which may
 * complete the course and issue its certificate.
 */
export async function recordQuizAttempt(
  userId: string,
  courseSlug: string,
  lessonSlug: string,
  quizId: string,
  grade: Grade,
  requirements: CourseRequirements,
  retryDelayMinutes: number,
): Promise<{ certificateCode: string | null } | { waitMinutes: number }> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      await lockEnrollment(trx, userId, courseSlug);
      // After a failed attempt the next one waits (the lock above makes parallel submissions queue):
      // with per-question feedback, unlimited immediate retries would let anyone pass by elimination.
      const last = await trx
        .selectFrom("quiz_attempt")
        .select(["passed", "created_at"])
        .where("user_id", "=", userId)
        .where("course_slug", "=", courseSlug)
        .where("quiz_id", "=", quizId)
        .orderBy("created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      if (last && !last.passed && retryDelayMinutes > 0) {
        const waitMs = last.created_at.getTime() + retryDelayMinutes * 60_000 - Date.now();
        if (waitMs > 0) return { waitMinutes: Math.ceil(waitMs / 60_000) };
      }
      await trx
        .insertInto("quiz_attempt")
        .values({
          user_id: userId,
          course_slug: courseSlug,
          lesson_slug: lessonSlug,
          quiz_id: quizId,
          answers: JSON.stringify(grade.answers),
          results: JSON.stringify(grade.results),
          correct_count: grade.correctCount,
          question_count: grade.questionCount,
          score: grade.score,
          passed: grade.passed,
        })
        .execute();
      if (!grade.passed) return { certificateCode: null };
      const lessonQuizzes = requirements.quizzes.filter((quiz) => quiz.lessonSlug === lessonSlug).map((quiz) => quiz.quizId);
      const passed = await trx.selectFrom("quiz_attempt").select("quiz_id").distinct().where("user_id", "=", userId).where("course_slug", "=", courseSlug).where("quiz_id", "in", lessonQuizzes).where("passed", "=", true).execute();
      if (passed.length === lessonQuizzes.length) {
        await trx
          .insertInto("lesson_progress")
          .values({ user_id: userId, course_slug: courseSlug, lesson_slug: lessonSlug })
          .onConflict((oc) => oc.columns(["user_id", "course_slug", "lesson_slug"]).doNothing())
          .execute();
      }
      return { certificateCode: await issueCertificateIfComplete(trx, userId, courseSlug, requirements) };
    });
}
