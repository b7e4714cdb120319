/** A course's syllabus: its lessons in order, each linked when the reader may open it, with its length, quiz, translation and progress. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { getCoursePageView } from "~/modules/courses/lesson-page.server";
import { useLocale } from "~/utils/i18n-react";

type Syllabus = NonNullable<Awaited<ReturnType<typeof getCoursePageView>>>["syllabus"];

export function CourseSyllabus({ courseSlug, syllabus }: { courseSlug: string; syllabus: Syllabus }) {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  return (
    <section className="section" aria-labelledby="syllabus">
      <h2 id="syllabus">{t("course.syllabus")}</h2>
      <ol className="syllabus">
        {syllabus.map((item) => {
          const readable = item.readable;
          return (
            <li key={item.slug}>
              {readable ? (
                <Link to={to(`/courses/${courseSlug}/${item.slug}`)} lang={item.titleLocale !== locale ? item.titleLocale : undefined}>
                  {item.title}
                </Link>
              ) : (
                <span lang={item.titleLocale !== locale ? item.titleLocale : undefined}>{item.title}</span>
              )}{" "}
              <span className="meta">
                · {t("course.minutes", { minutes: item.estimatedMinutes })}
                {item.quizCount > 0 ? ` · ${t("course.hasQuiz")}` : ""}
                {!readable ? ` · ${t("course.locked")}` : ""}
              </span>{" "}
              {locale !== "en" ? <span className={`badge badge--${item.status}`}>{t(`status.${item.status}`)}</span> : null}{" "}
              {item.done ? <span className="badge badge--done">{t("course.done")}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
