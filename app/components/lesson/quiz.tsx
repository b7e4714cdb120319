import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PublicQuiz } from "~/modules/courses/courses.schema.server";

/** Stands where `<Quiz id>` was in the lesson while the body is rendered to HTML; the page puts the form there. */
export function QuizMarker({ id }: { id: string }) {
  return <div data-quiz={id} />;
}

export type QuizAttemptView = {
  score: number;
  passed: boolean;
  /** Question id → "right" | "wrong", and what the learner chose. */
  results: Record<string, "right" | "wrong">;
  answers: Record<string, string[]>;
};

type QuizFormProps = {
  quiz: PublicQuiz;
  passMark: number;
  attempt: QuizAttemptView | null;
  /** A rejected submission: a message key and the answers to put back. */
  rejected: { key: string; values?: Record<string, string | number>; answers: Record<string, string[]> } | null;
  /** Where a visitor signs in to answer; null when the reader may submit. */
  signInHref: string | null;
};

/**
 * A quiz as a plain form: radio buttons or checkboxes in fieldsets, graded by the server. After a
 * submission each question says whether the answer was right, never which option was.
 */
export function QuizForm({ quiz, passMark, attempt, rejected, signInHref }: QuizFormProps) {
  const { t } = useTranslation("courses");
  const chosen = rejected?.answers ?? attempt?.answers ?? {};
  const headingId = `quiz-${quiz.id}-title`;
  const questions = quiz.questions.map((question, index) => {
    const result = !rejected ? attempt?.results[question.id] : undefined;
    const feedbackId = `quiz-${quiz.id}-${question.id}-feedback`;
    return (
      <fieldset key={question.id} className="quiz__question" aria-describedby={result ? feedbackId : undefined}>
        {/* A multiple-answer prompt ends with its own note that several answers are possible (content check). */}
        <legend>
          {index + 1}. {question.prompt}
        </legend>
        {question.options.map((option) => {
          const inputId = `quiz-${quiz.id}-${question.id}-${option.id}`;
          return (
            <div key={option.id} className="quiz__option">
              <input
                type={question.kind === "multiple" ? "checkbox" : "radio"}
                id={inputId}
                name={`q.${question.id}`}
                value={option.id}
                defaultChecked={chosen[question.id]?.includes(option.id) ?? false}
              />
              <label htmlFor={inputId}>{option.label}</label>
            </div>
          );
        })}
        {result ? (
          <p id={feedbackId} className={`quiz__feedback quiz__feedback--${result}`}>
            {result === "right" ? t("quiz.right") : t("quiz.wrong")}
          </p>
        ) : null}
      </fieldset>
    );
  });

  return (
    <section className="quiz" id={`quiz-${quiz.id}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t("quiz.title")}</h2>
      <p className="meta">{t("quiz.intro", { count: quiz.questions.length, passMark })}</p>
      {attempt && !rejected ? (
        <div role="status" className={`alert ${attempt.passed ? "alert--success" : "alert--info"}`}>
          {attempt.passed ? t("quiz.passed", { score: attempt.score, passMark }) : t("quiz.failed", { score: attempt.score, passMark })}
        </div>
      ) : null}
      {rejected ? (
        <div role="alert" className="alert alert--error">
          {t(rejected.key, rejected.values)}
        </div>
      ) : null}
      {signInHref ? (
        // Visitors read the questions; answering needs an account, so there is no form to submit.
        <div key={JSON.stringify(chosen)}>
          {questions}
          <p>
            <Link to={signInHref}>{t("quiz.signInToAnswer")}</Link>
          </p>
        </div>
      ) : (
        <Form method="post" preventScrollReset key={JSON.stringify(chosen)}>
          <input type="hidden" name="intent" value="quiz" />
          <input type="hidden" name="quizId" value={quiz.id} />
          {questions}
          <p>
            <button type="submit">{attempt ? t("quiz.retry") : t("quiz.submit")}</button>
          </p>
        </Form>
      )}
    </section>
  );
}
