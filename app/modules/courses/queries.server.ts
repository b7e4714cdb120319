/** Reads of a learner's progress, quiz attempts and certificates. */
import { getDb, type Executor } from "~/utils/db.server";

export type CourseProgress = {
  enrolled: boolean;
  enrolledAt: Date | null;
  completedLessons: string[];
  certificateCode: string | null;
};

/** Progress of one learner in several courses at once (one query per table, never per course). */
export async function getProgressByCourse(userId: string, courseSlugs: string[], executor: Executor = getDb()): Promise<Map<string, CourseProgress>> {
  const result = new Map<string, CourseProgress>();
  if (courseSlugs.length === 0) return result;
  const [enrollments, lessons, certificates] = await Promise.all([
    executor.selectFrom("course_enrollment").select(["course_slug", "enrolled_at"]).where("user_id", "=", userId).where("course_slug", "in", courseSlugs).execute(),
    executor.selectFrom("lesson_progress").select(["course_slug", "lesson_slug"]).where("user_id", "=", userId).where("course_slug", "in", courseSlugs).execute(),
    executor.selectFrom("certificate").select(["course_slug", "code"]).where("user_id", "=", userId).where("course_slug", "in", courseSlugs).execute(),
  ]);
  for (const slug of courseSlugs) result.set(slug, { enrolled: false, enrolledAt: null, completedLessons: [], certificateCode: null });
  for (const row of enrollments) Object.assign(result.get(row.course_slug)!, { enrolled: true, enrolledAt: row.enrolled_at });
  for (const row of lessons) result.get(row.course_slug)!.completedLessons.push(row.lesson_slug);
  for (const row of certificates) result.get(row.course_slug)!.certificateCode = row.code;
  return result;
}

export async function getCourseProgress(userId: string, courseSlug: string, executor: Executor = getDb()): Promise<CourseProgress> {
  return (await getProgressByCourse(userId, [courseSlug], executor)).get(courseSlug)!;
}

export type AttemptRow = {
  quiz_id: string;
  score: number;
  passed: boolean;
  results: Record<string, "right" | "wrong">;
  answers: Record<string, string[]>;
};

/** The latest attempt at each of the given quizzes, for one learner. */
export async function getLatestAttempts(userId: string, courseSlug: string, quizIds: string[], executor: Executor = getDb()): Promise<Map<string, AttemptRow>> {
  if (quizIds.length === 0) return new Map();
  const rows = await executor
    .selectFrom("quiz_attempt")
    .select(["quiz_id", "score", "passed", "results", "answers"])
    .distinctOn("quiz_id")
    .where("user_id", "=", userId)
    .where("course_slug", "=", courseSlug)
    .where("quiz_id", "in", quizIds)
    .orderBy("quiz_id")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return new Map(rows.map((row) => [row.quiz_id, row]));
}

/** Quiz ids the learner has passed at least once in this course. */
export async function getPassedQuizIds(userId: string, courseSlug: string, executor: Executor = getDb()): Promise<Set<string>> {
  const rows = await executor
    .selectFrom("quiz_attempt")
    .select("quiz_id")
    .distinct()
    .where("user_id", "=", userId)
    .where("course_slug", "=", courseSlug)
    .where("passed", "=", true)
    .execute();
  return new Set(rows.map((row) => row.quiz_id));
}

/** A certificate and its owner's id (the owner id never leaves the server). */
export async function getCertificateWithOwner(code: string) {
  return getDb().selectFrom("certificate").select(["code", "course_slug", "holder_name", "issued_at", "user_id"]).where("code", "=", code).executeTakeFirst();
}

export async function listCertificates(userId: string) {
  return getDb().selectFrom("certificate").select(["code", "course_slug", "issued_at"]).where("user_id", "=", userId).orderBy("issued_at", "desc").execute();
}

export async function listEnrolledCourseSlugs(userId: string) {
  const rows = await getDb().selectFrom("course_enrollment").select("course_slug").where("user_id", "=", userId).orderBy("enrolled_at", "desc").execute();
  return rows.map((row) => row.course_slug);
}
