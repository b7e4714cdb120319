/** The secretariat's learning report: statistics with course titles, country names and labels in the reader's language. */
import { toCsv } from "~/utils/csv.server";
import { listCountries } from "~/modules/countries/countries.server";
import type { Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { listCourses } from "./lessons.server";
import { getLearningStats } from "./stats.server";

export async function getLearningReport(locale: Locale) {
  const [stats, courses, t, tCommon] = await Promise.all([getLearningStats(), listCourses(locale), getFixedT(locale, "courses"), getFixedT(locale, "common")]);
  const titles = new Map(courses.map((course) => [course.slug, course.title]));
  const countryNames = new Map(listCountries(locale).map((country) => [country.code, country.name]));
  const titleOf = (slug: string) => titles.get(slug) ?? slug;
  const statsBySlug = new Map(stats.courses.map((row) => [row.courseSlug, row]));
  // Every course appears, with zeros when nobody has enrolled yet; retired courses with learners stay listed.
  const slugs = [...courses.map((course) => course.slug), ...stats.courses.map((row) => row.courseSlug).filter((slug) => !titles.has(slug))];
  return {
    courses: slugs.map((slug) => ({ ...(statsBySlug.get(slug) ?? { courseSlug: slug, learners: 0, completed: 0, completionRate: null, medianDays: null }), courseTitle: titleOf(slug) })),
    byCountry: stats.byCountry.map((row) => ({ ...row, courseTitle: titleOf(row.courseSlug), label: row.key ? (countryNames.get(row.key) ?? row.key) : t("admin.noCountry") })),
    byKind: stats.byKind.map((row) => ({ ...row, courseTitle: titleOf(row.courseSlug), label: row.key ? tCommon(`organizationKinds.${row.key}`) : t("admin.noCountry") })),
  };
}

type LearningReport = Awaited<ReturnType<typeof getLearningReport>>;

/** One CSV with a `section` column, so a single file carries the three tables. */
export function toLearningCsv(report: LearningReport): string {
  const rows: Array<Array<string | number>> = [["section", "course", "course_title", "group", "group_label", "learners", "completed", "completion_rate_percent", "median_days_to_complete"]];
  for (const course of report.courses) {
    rows.push(["course", course.courseSlug, course.courseTitle, "", "", course.learners, course.completed, course.completionRate ?? "", course.medianDays ?? ""]);
  }
  for (const row of report.byCountry) rows.push(["country", row.courseSlug, row.courseTitle, row.key ?? "", row.label, row.learners, row.completed, "", ""]);
  for (const row of report.byKind) rows.push(["organization_kind", row.courseSlug, row.courseTitle, row.key ?? "", row.label, row.learners, row.completed, "", ""]);
  return toCsv(rows);
}

/** The learning report as the CSV the secretariat downloads. */
export async function getLearningCsv(locale: Locale) {
  return toLearningCsv(await getLearningReport(locale));
}
