/**
 * The pages that list courses (the catalogue, a member's own learning) and a course's print
 * page, each as one display-ready view, so their routes make one call.
 */
import type { Locale } from "~/utils/i18n";
import type { CatalogueFilters } from "./courses.schema.server";
import { getCourseForOffline, listCourses } from "./lessons.server";
import { getProgressByCourse, listCertificates, listEnrolledCourseSlugs, type CourseProgress } from "./queries.server";

/** How far a member is in a course, as the lists show it: lessons done out of the course's lessons. */
function lessonsDone(progress: CourseProgress, lessonCount: number) {
  return { done: progress.completedLessons.length, total: lessonCount };
}

/** The catalogue, filtered, with the progress of `userId` (null: a visitor) in each course they enrolled in. */
export async function getCatalogueView(filters: CatalogueFilters, locale: Locale, userId: string | null) {
  const courses = (await listCourses(locale)).filter(
    (course) =>
      (!filters.audience || course.audiences.includes(filters.audience)) &&
      (!filters.cluster || course.tags.clusters.includes(filters.cluster)) &&
      (!filters.language || course.completeLocales.includes(filters.language)),
  );
  const progress = userId ? await getProgressByCourse(userId, courses.map((course) => course.slug)) : null;
  return {
    filters,
    courses: courses.map((course) => {
      const mine = progress?.get(course.slug);
      return { ...course, progress: mine?.enrolled ? { ...lessonsDone(mine, course.lessonCount), certified: mine.certificateCode !== null } : null };
    }),
  };
}

/** A member's courses (latest enrolment first) with their progress, and their certificates. */
export async function getMyLearningView(userId: string, locale: Locale) {
  const [slugs, certificates, courses] = await Promise.all([listEnrolledCourseSlugs(userId), listCertificates(userId), listCourses(locale)]);
  const bySlug = new Map(courses.map((course) => [course.slug, course]));
  const progress = await getProgressByCourse(userId, slugs);
  return {
    courses: slugs
      .filter((slug) => bySlug.has(slug))
      .map((slug) => {
        const course = bySlug.get(slug)!;
        const mine = progress.get(slug)!;
        return { slug, title: course.title, titleLocale: course.titleLocale, ...lessonsDone(mine, course.lessonCount), certificateCode: mine.certificateCode };
      }),
    certificates: certificates.map((certificate) => {
      const course = bySlug.get(certificate.course_slug);
      return { code: certificate.code, courseTitle: course?.title ?? certificate.course_slug, titleLocale: course?.titleLocale ?? "en", issuedAt: certificate.issued_at.toISOString() };
    }),
  };
}

/** Every lesson of a course on one page, to print; null for an unknown course. */
export async function getCoursePrintView(slug: string, locale: Locale) {
  const offline = await getCourseForOffline(slug, locale);
  if (!offline) return null;
  return {
    course: { slug: offline.course.slug, title: offline.course.title, summary: offline.course.summary, titleLocale: offline.course.titleLocale },
    lessons: offline.lessons.map(({ slug, title, locale: lessonLocale, fallback, status, segments, quizzes, terms }) => ({ slug, title, locale: lessonLocale, fallback, status, segments, quizzes, terms })),
  };
}
