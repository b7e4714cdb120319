/**
 * Checks every course under a root: frontmatter, file names, unique course positions, every lesson
 * file compiled and rendered, and every translation's quizzes identical to the English ones (same
 * ids, kinds, options and answer key). Used by `npm run content:check` in CI, so a broken lesson
 * fails the build instead of a learner's page.
 */
import { LOCALES } from "~/utils/i18n";
import { getCompiledLesson } from "./compile-mdx.server";
import { readContentIndex } from "./content.server";
import type { QuizDefinition } from "./lesson-extract.server";
import { renderLessonSegments } from "./render-lesson.server";
import { readFile } from "node:fs/promises";

export type ContentReport = { courses: number; files: number; errors: string[] };

function quizShape(quiz: QuizDefinition) {
  return JSON.stringify({ id: quiz.id, questions: quiz.questions.map((question) => ({ id: question.id, kind: question.kind, options: question.options.map((option) => option.id) })), key: quiz.key });
}

export async function checkCourses(root: string): Promise<ContentReport> {
  let index;
  try {
    index = await readContentIndex(root);
  } catch (error) {
    return { courses: 0, files: 0, errors: [(error as Error).message] };
  }
  const errors: string[] = [];
  let files = 0;
  for (const course of index.courses) {
    const quizOwners = new Map<string, string>();
    for (const lesson of course.lessons) {
      let english: QuizDefinition[] | null = null;
      for (const locale of LOCALES) {
        const file = lesson.files[locale];
        if (!file) continue;
        files++;
        try {
          const compiled = await getCompiledLesson(file.filePath, await readFile(file.filePath, "utf8"));
          const segments = await renderLessonSegments(compiled, locale);
          const placed = segments.filter((segment) => segment.kind === "quiz").map((segment) => (segment.kind === "quiz" ? segment.id : ""));
          if (placed.join() !== compiled.extract.quizzes.map((quiz) => quiz.id).join()) errors.push(`${file.filePath}: a quiz did not render where the lesson puts it`);
          if (locale === "en") {
            english = compiled.extract.quizzes;
            for (const quiz of english) {
              const owner = quizOwners.get(quiz.id);
              if (owner) errors.push(`${file.filePath}: quiz id "${quiz.id}" is also used in ${owner}; quiz ids must be unique within a course`);
              quizOwners.set(quiz.id, lesson.slug);
            }
          } else if (english) {
            const expected = english.map(quizShape).join("\n");
            const actual = compiled.extract.quizzes.map(quizShape).join("\n");
            if (expected !== actual) errors.push(`${file.filePath}: its quizzes differ from the English original (ids, kinds, options or correct answers)`);
          }
        } catch (error) {
          errors.push((error as Error).message.includes(file.filePath) ? (error as Error).message : `${file.filePath}: ${(error as Error).message}`);
        }
      }
    }
  }
  return { courses: index.courses.length, files, errors };
}
