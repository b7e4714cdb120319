/**
 * Grades a quiz submission against the server-side key. A submission must answer every question
 * with options that exist, once each; anything else (a missing answer, an extra or unknown field,
 * a forged option, two answers to a single-choice question) is refused without being stored.
 */
import { ANSWER_FIELD_PREFIX } from "./courses.schema.server";
import type { QuizDefinition } from "./lesson-extract.server";

export type Grade = {
  answers: Record<string, string[]>;
  results: Record<string, "right" | "wrong">;
  correctCount: number;
  questionCount: number;
  score: number;
  passed: boolean;
};

export type GradeOutcome = { ok: true; grade: Grade } | { ok: false; reason: "missing" | "forged"; answers: Record<string, string[]> };

/** The fields a quiz form posts besides its answers. */
const FORM_FIELDS = new Set(["intent", "quizId"]);

export function gradeSubmission(quiz: QuizDefinition, fields: Record<string, string | string[]>, passMark: number): GradeOutcome {
  const answers: Record<string, string[]> = {};
  let forged = false;
  for (const [name, value] of Object.entries(fields)) {
    if (FORM_FIELDS.has(name)) continue;
    const questionId = name.startsWith(ANSWER_FIELD_PREFIX) ? name.slice(ANSWER_FIELD_PREFIX.length) : null;
    const question = questionId ? quiz.questions.find((item) => item.id === questionId) : undefined;
    if (!question) {
      forged = true;
      continue;
    }
    const values = [value].flat();
    const known = values.filter((optionId) => question.options.some((option) => option.id === optionId));
    if (known.length !== values.length || new Set(values).size !== values.length || (question.kind !== "multiple" && values.length > 1)) forged = true;
    answers[question.id] = [...new Set(known)].slice(0, question.options.length);
  }
  if (forged) return { ok: false, reason: "forged", answers };
  if (quiz.questions.some((question) => !answers[question.id]?.length)) return { ok: false, reason: "missing", answers };

  const results: Grade["results"] = {};
  let correctCount = 0;
  for (const question of quiz.questions) {
    const chosen = [...answers[question.id]!].sort();
    const expected = quiz.key[question.id]!;
    const right = chosen.length === expected.length && chosen.every((optionId, index) => optionId === expected[index]);
    results[question.id] = right ? "right" : "wrong";
    if (right) correctCount++;
  }
  const score = Math.round((100 * correctCount) / quiz.questions.length);
  return { ok: true, grade: { answers, results, correctCount, questionCount: quiz.questions.length, score, passed: score >= passMark } };
}
