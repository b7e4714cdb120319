import { pageHandle } from "~/utils/route-handle";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LessonBody } from "~/components/lesson/lesson-body";
import { LessonNav, LessonProgress } from "~/components/lesson/lesson-progress";
import lessonStyles from "~/components/lesson/lesson.css";
import { QuizForm } from "~/components/lesson/quiz";
import { getSessionUser, requireUser } from "~/modules/auth/session.server";
import { getLessonPageView, submitLessonForm } from "~/modules/courses/lesson-page.server";
import type { FieldError } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { getDirection, LOCALE_NAMES, localePath, signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["courses"], hydrate: false });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await getSessionUser(request);
  const view = await getLessonPageView(params.course ?? "", params.lesson ?? "", getRequestLocale(request), user?.id ?? null);
  if (!view) notFound();
  // Visitors may read the syllabus and the first lesson; the rest asks them to sign in.
  if (view === "sign-in") throw await requireUser(request); // a visitor here: requireUser throws the redirect to sign in
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const path = localePath(getRequestLocale(request), `/courses/${params.course ?? ""}/${params.lesson ?? ""}`);
  const outcome = await submitLessonForm(user.id, params.course ?? "", params.lesson ?? "", path, await request.formData());
  if (outcome.kind === "not-found") notFound();
  if (outcome.kind === "done") return redirect(outcome.path);
  if (outcome.kind === "form-error") return data({ formError: { key: outcome.key } as FieldError }, { status: 400 });
  const { status, ...quizError } = outcome;
  return data({ quizError }, { status });
}

export default function Lesson() {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { course, lesson, status, fallback, segments, quizzes, terms, previous, next, signedIn, completed, doneCount, certificateCode, quizzesPassed, attempts } = loaded;
  const formError = result && "formError" in result ? result.formError : undefined;
  const quizError = result && "quizError" in result ? result.quizError : undefined;
  const contentLang = lesson.locale !== locale ? lesson.locale : undefined;
  const coursePath = to(`/courses/${course.slug}`);
  const signInHref = signInPath(locale, to(`/courses/${course.slug}/${lesson.slug}`));
  return (
    <>
      <nav aria-label={t("lesson.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={to("/courses")}>{t("catalogue.title")}</Link>
          </li>
          <li>
            <Link to={coursePath} lang={course.titleLocale !== locale ? course.titleLocale : undefined}>
              {course.title}
            </Link>
          </li>
          <li aria-current="page">{t("lesson.position", { position: lesson.position, total: course.lessonCount })}</li>
        </ol>
      </nav>

      <article lang={contentLang} dir={contentLang ? getDirection(lesson.locale) : undefined}>
        <h1>{lesson.title}</h1>
        <p className="meta" lang={contentLang ? locale : undefined} dir={contentLang ? getDirection(locale) : undefined}>
          {t("lesson.position", { position: lesson.position, total: course.lessonCount })} · {t("lesson.minutes", { minutes: lesson.estimatedMinutes })}
          {locale !== "en" ? (
            <>
              {" · "}
              {t("status.label")}: <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>
            </>
          ) : null}
        </p>
        {fallback ? (
          <p className="alert alert--info" lang={locale} dir={getDirection(locale)}>
            {t("lesson.fallbackNotice", { language: LOCALE_NAMES[locale] })}
          </p>
        ) : null}
        {status === "machine" ? (
          <p className="alert alert--info" lang={locale} dir={getDirection(locale)}>
            {t("lesson.machineNotice")}
          </p>
        ) : null}
        {signedIn ? (
          <div className="progress" lang={contentLang ? locale : undefined} dir={contentLang ? getDirection(locale) : undefined}>
            <span id="lesson-progress-label">{t("lesson.progress")}</span>
            <progress max={course.lessonCount} value={doneCount} aria-labelledby="lesson-progress-label" aria-describedby="lesson-progress-text" />
            <span id="lesson-progress-text">{t("lesson.progressText", { done: doneCount, total: course.lessonCount })}</span>
          </div>
        ) : (
          <p className="alert alert--info" lang={contentLang ? locale : undefined}>
            {t("lesson.signInToTrack")} <Link to={signInHref}>{t("course.signIn")}</Link>
          </p>
        )}

        <LessonBody
          segments={segments}
          renderQuiz={(id) => {
            const quiz = quizzes.find((item) => item.id === id);
            if (!quiz) return null;
            return (
              <QuizForm
                quiz={quiz}
                passMark={course.passMark}
                attempt={attempts[id] ?? null}
                rejected={quizError?.quizId === id ? { key: quizError.key, values: "values" in quizError ? (quizError.values as Record<string, number>) : undefined, answers: quizError.answers } : null}
                signInHref={signedIn ? null : signInHref}
              />
            );
          }}
        />

        {terms.length ? (
          <section className="section" aria-labelledby="glossary">
            <h2 id="glossary">{t("lesson.glossary")}</h2>
            <dl className="glossary">
              {terms.map((term) => (
                <div key={term.term}>
                  <dt>{term.term}</dt>
                  <dd>{term.definition}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
      </article>

      <LessonProgress signedIn={signedIn} completed={completed} certificateCode={certificateCode} hasQuizzes={quizzes.length > 0} quizzesPassed={quizzesPassed} formError={formError} />
      <LessonNav courseSlug={course.slug} previous={previous} next={next} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "courses:catalogue.title", { title: data ? `${data.lesson.title} · ${data.course.title}` : undefined });
