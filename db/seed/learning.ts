import { DEMO_ACCOUNTS } from "./accounts";
import { findUserIdByEmail } from "~/modules/auth/accounts.server";
import { ANSWER_FIELD_PREFIX } from "~/modules/courses/courses.schema.server";
import { gradeSubmission } from "~/modules/courses/grading.server";
import { getCourseEntry, getCourseRequirements, getQuizForGrading } from "~/modules/courses/lessons.server";
import { completeLesson, enrollInCourse, recordQuizAttempt } from "~/modules/courses/mutations.server";
import { listEnrolledCourseSlugs } from "~/modules/courses/queries.server";

/**
 * Demo learning activity so the learner and secretariat views are not empty: the French member
 * finishes "the review mechanism" (and holds its certificate); the Kenyan member is half-way.
 * Goes through the same module functions as the pages, so grading and certificates are real.
 */
const PLAN: Array<{ email: string; course: string; lessons: number | "all" }> = [
  { email: "membre@agora.test", course: "review-mechanism", lessons: "all" },
  { email: "member@agora.test", course: "review-mechanism", lessons: 3 },
  { email: "arabic.member@agora.test", course: "stakeholder-engagement", lessons: 2 },
];

export async function seedLearning() {
  for (const step of PLAN) {
    if (!DEMO_ACCOUNTS.some((account) => account.email === step.email)) continue;
    const userId = await findUserIdByEmail(step.email);
    const course = await getCourseEntry(step.course);
    if (!userId || !course) continue;
    // Seeding again leaves the activity as it is (no second round of attempts).
    if ((await listEnrolledCourseSlugs(userId)).includes(step.course)) continue;
    const requirements = await getCourseRequirements(course);
    await enrollInCourse(userId, step.course);
    const lessons = step.lessons === "all" ? course.lessons : course.lessons.slice(0, step.lessons);
    for (const lesson of lessons) {
      const quizzes = requirements.quizzes.filter((quiz) => quiz.lessonSlug === lesson.slug);
      for (const { quizId } of quizzes) {
        const quiz = await getQuizForGrading(course, lesson.slug, quizId);
        if (!quiz) continue;
        // The right answers, as a learner who read the lesson would post them.
        const fields = Object.fromEntries(quiz.questions.map((question) => [`${ANSWER_FIELD_PREFIX}${question.id}`, quiz.key[question.id]!]));
        const outcome = gradeSubmission(quiz, fields, course.frontmatter.passMark);
        if (outcome.ok) await recordQuizAttempt(userId, step.course, lesson.slug, quizId, outcome.grade, requirements, 0);
      }
      if (quizzes.length === 0) await completeLesson(userId, step.course, lesson.slug, requirements);
    }
  }
}
