import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LessonBody } from "~/components/lesson/lesson-body";
import lessonStyles from "~/components/lesson/lesson.css";
import { requireUser } from "~/modules/auth/session.server";
import { getCoursePrintView } from "~/modules/courses/catalogue-view.server";
import { notFound } from "~/utils/http.server";
import { getDirection } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["courses"] });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

/** The whole course on one page, for printing or saving; signed-in learners only, like the lessons after the first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const view = await getCoursePrintView(params.course ?? "", getRequestLocale(request));
  if (!view) notFound();
  return view;
}

export default function PrintableCourse() {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  const { course, lessons } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to={to(`/courses/${course.slug}`)}>{t("lesson.backToCourse")}</Link>
      </p>
      <h1 lang={course.titleLocale !== locale ? course.titleLocale : undefined}>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      <p className="no-print alert alert--info">
        {t("offline.intro")} {t("offline.printHint")}
      </p>
      {lessons.map((lesson, index) => {
        const lang = lesson.locale !== locale ? lesson.locale : undefined;
        return (
          <article key={lesson.slug} className="print-lesson" lang={lang} dir={lang ? getDirection(lesson.locale) : undefined} aria-labelledby={`lesson-${lesson.slug}`}>
            <p className="meta" lang={lang ? locale : undefined}>
              {t("offline.lesson", { position: index + 1 })}
              {lesson.fallback ? ` · ${t("offline.inEnglish")}` : ""}
            </p>
            <h2 id={`lesson-${lesson.slug}`}>{lesson.title}</h2>
            <LessonBody
              segments={lesson.segments}
              renderQuiz={(id) => {
                const quiz = lesson.quizzes.find((item) => item.id === id);
                if (!quiz) return null;
                // On paper a quiz is a list of questions: answers are checked online.
                return (
                  <section className="quiz" aria-label={t("offline.quiz")}>
                    <h3>{t("offline.quiz")}</h3>
                    <ol>
                      {quiz.questions.map((question) => (
                        <li key={question.id}>
                          {question.prompt}
                          <ul>
                            {question.options.map((option) => (
                              <li key={option.id}>{option.label}</li>
                            ))}
                          </ul>
                        </li>
                      ))}
                    </ol>
                  </section>
                );
              }}
            />
            {lesson.terms.length ? (
              <>
                <h3>{t("lesson.glossary")}</h3>
                <dl className="glossary">
                  {lesson.terms.map((term) => (
                    <div key={term.term}>
                      <dt>{term.term}</dt>
                      <dd>{term.definition}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
          </article>
        );
      })}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "courses:catalogue.title", { title: data?.course.title });
