/** The secretariat's learning statistics: per course, and learners by country and organization kind. */
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

export type CourseStats = { courseSlug: string; learners: number; completed: number; completionRate: number | null; medianDays: number | null };
export type BreakdownRow = { courseSlug: string; key: string | null; learners: number; completed: number };

/** Three grouped queries, whatever the number of courses. */
export async function getLearningStats() {
  const db = getDb();
  const [perCourse, byCountry, byKind] = await Promise.all([
    db
      .selectFrom("course_enrollment")
      .select((eb) => [
        "course_slug",
        eb.fn.countAll<number>().as("learners"),
        eb.fn.count<number>("completed_at").as("completed"),
        sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (completed_at - enrolled_at)) / 86400)`.as("median_days"),
      ])
      .groupBy("course_slug")
      .execute(),
    db
      .selectFrom("course_enrollment")
      .innerJoin("app_user", "app_user.id", "course_enrollment.user_id")
      .select((eb) => ["course_enrollment.course_slug", "app_user.country_code as key", eb.fn.countAll<number>().as("learners"), eb.fn.count<number>("course_enrollment.completed_at").as("completed")])
      .groupBy(["course_enrollment.course_slug", "app_user.country_code"])
      .execute(),
    db
      .selectFrom("course_enrollment")
      .innerJoin("app_user", "app_user.id", "course_enrollment.user_id")
      .select((eb) => ["course_enrollment.course_slug", "app_user.organization_kind as key", eb.fn.countAll<number>().as("learners"), eb.fn.count<number>("course_enrollment.completed_at").as("completed")])
      .groupBy(["course_enrollment.course_slug", "app_user.organization_kind"])
      .execute(),
  ]);
  const courses: CourseStats[] = perCourse.map((row) => ({
    courseSlug: row.course_slug,
    learners: Number(row.learners),
    completed: Number(row.completed),
    completionRate: Number(row.learners) > 0 ? Math.round((1000 * Number(row.completed)) / Number(row.learners)) / 10 : null,
    medianDays: row.median_days === null ? null : Math.round(Number(row.median_days) * 10) / 10,
  }));
  const toRows = (rows: Array<{ course_slug: string; key: string | null; learners: number; completed: number }>): BreakdownRow[] =>
    rows
      .map((row) => ({ courseSlug: row.course_slug, key: row.key === null ? null : row.key.trim(), learners: Number(row.learners), completed: Number(row.completed) }))
      .sort((a, b) => a.courseSlug.localeCompare(b.courseSlug) || b.learners - a.learners || String(a.key).localeCompare(String(b.key)));
  return { courses, byCountry: toRows(byCountry), byKind: toRows(byKind) };
}
