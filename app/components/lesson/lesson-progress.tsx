/** The end of a lesson page: the reader's progress with the "mark as done" form, and the way to the previous and next lessons. */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/ui/form";
import { useLocale } from "~/utils/i18n-react";

type Progress = { signedIn: boolean; completed: boolean; certificateCode: string | null; hasQuizzes: boolean; quizzesPassed: boolean; formError?: { key: string } };

export function LessonProgress({ signedIn, completed, certificateCode, hasQuizzes, quizzesPassed, formError }: Progress) {
  const { t } = useTranslation("courses");
  const { to } = useLocale();
  return (
    <section id="lesson-status" className="section" aria-label={t("lesson.progress")}>
      {formError ? <FormAlert message={t(formError.key)} /> : null}
      {certificateCode ? (
        <div role="status" className="alert alert--success">
          {t("lesson.courseCompleted")} <Link to={to(`/certificates/${certificateCode}`)}>{t("course.viewCertificate")}</Link>
        </div>
      ) : null}
      {!signedIn ? null : completed ? (
        <p role="status" className="alert alert--success">
          {t("lesson.completed")}
        </p>
      ) : hasQuizzes && !quizzesPassed ? (
        <p>{t("lesson.quizFirst")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="complete" />
          <button type="submit">{t("lesson.markComplete")}</button>
        </Form>
      )}
    </section>
  );
}

type Neighbour = { slug: string; title: string } | null;

export function LessonNav({ courseSlug, previous, next }: { courseSlug: string; previous: Neighbour; next: Neighbour }) {
  const { t } = useTranslation("courses");
  const { to } = useLocale();
  const coursePath = to(`/courses/${courseSlug}`);
  return (
    <nav className="lesson-nav" aria-label={t("course.syllabus")}>
      {previous ? (
        <Link to={to(`/courses/${courseSlug}/${previous.slug}`)} rel="prev">
          {t("lesson.previous")}: {previous.title}
        </Link>
      ) : (
        <Link to={coursePath}>{t("lesson.backToCourse")}</Link>
      )}
      {next ? (
        <Link to={to(`/courses/${courseSlug}/${next.slug}`)} rel="next">
          {t("lesson.next")}: {next.title}
        </Link>
      ) : (
        <Link to={coursePath}>{t("lesson.backToCourse")}</Link>
      )}
    </nav>
  );
}
