import { READING_PAGE } from "~/utils/hydration";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LessonBody } from "~/components/lesson/lesson-body";
import lessonStyles from "~/components/lesson/lesson.css";
import { QuizForm, type QuizAttemptView } from "~/components/lesson/quiz";
import { FormAlert } from "~/components/ui/form";
import { getSessionUser, requireUser } from "~/modules/auth/session.server";
import { LessonIntent, QuizSubmission } from "~/modules/courses/courses.schema.server";
import { gradeSubmission } from "~/modules/courses/grading.server";
import { getCourseEntry, getCourseRequirements, getLessonPage, getQuizForGrading } from "~/modules/courses/lessons.server";
import { completeLesson, recordQuizAttempt } from "~/modules/courses/mutations.server";
import { getCourseProgress, getLatestAttempts, getPassedQuizIds } from "~/modules/courses/queries.server";
import { formDataToObject, type FieldError } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { getDirection, LOCALE_NAMES, localePath, signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = READING_PAGE;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = getRequestLocale(request);
  const page = await getLessonPage(params.course ?? "", params.lesson ?? "", locale);
  if (!page) notFound();
  // Visitors may read the syllabus and the first lesson; the rest asks them to sign in.
  const user = page.isFirst ? (await getSessionUser(request)).user : await requireUser(request);
  const quizIds = page.quizzes.map((quiz) => quiz.id);
  const [progress, attempts, passed] = user
    ? await Promise.all([getCourseProgress(user.id, page.course.slug), getLatestAttempts(user.id, page.course.slug, quizIds), getPassedQuizIds(user.id, page.course.slug)])
    : [null, new Map(), new Set<string>()];
  const attemptViews: Record<string, QuizAttemptView> = {};
  for (const [quizId, attempt] of attempts) attemptViews[quizId] = { score: attempt.score, passed: attempt.passed, results: attempt.results, answers: attempt.answers };
  return {
    course: { slug: page.course.slug, title: page.course.title, titleLocale: page.course.titleLocale, passMark: page.course.passMark, lessonCount: page.course.lessonCount },
    lesson: page.lesson,
    status: page.status,
    fallback: page.fallback,
    segments: page.segments,
    quizzes: page.quizzes,
    terms: page.terms,
    previous: page.previous,
    next: page.next,
    signedIn: user !== null,
    completed: progress?.completedLessons.includes(page.lesson.slug) ?? false,
    doneCount: progress?.completedLessons.length ?? 0,
    certificateCode: progress?.certificateCode ?? null,
    quizzesPassed: quizIds.every((id) => passed.has(id)),
    attempts: attemptViews,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const locale = getRequestLocale(request);
  const course = await getCourseEntry(params.course ?? "");
  const lesson = course?.lessons.find((entry) => entry.slug === params.lesson);
  if (!course || !lesson) notFound();
  const lessonPath = localePath(locale, `/courses/${course.slug}/${lesson.slug}`);
  const formData = await request.formData();
  const intent = LessonIntent.safeParse({ intent: formData.get("intent") });
  if (!intent.success) return data({ formError: { key: "courses:errors.unknownIntent" } as FieldError }, { status: 400 });
  const requirements = await getCourseRequirements(course);

  if (intent.data.intent === "complete") {
    const outcome = await completeLesson(user.id, course.slug, lesson.slug, requirements);
    if (outcome.status === "quiz-required") return data({ formError: { key: "courses:lesson.quizFirst" } as FieldError }, { status: 400 });
    return redirect(`${lessonPath}#lesson-status`);
  }

  const fields = formDataToObject(formData);
  const submission = QuizSubmission.safeParse(fields);
  const quiz = submission.success ? await getQuizForGrading(course, lesson.slug, submission.data.quizId) : null;
  if (!quiz) return data({ formError: { key: "courses:quiz.errors.unknownQuiz" } as FieldError }, { status: 400 });
  const outcome = gradeSubmission(quiz, fields, course.frontmatter.passMark);
  if (!outcome.ok) {
    return data({ quizError: { quizId: quiz.id, key: `quiz.errors.${outcome.reason}`, answers: outcome.answers } }, { status: 400 });
  }
  const recorded = await recordQuizAttempt(user.id, course.slug, lesson.slug, quiz.id, outcome.grade, requirements, course.frontmatter.retryDelayMinutes);
  if ("waitMinutes" in recorded) {
    return data({ quizError: { quizId: quiz.id, key: "quiz.errors.wait", values: { minutes: recorded.waitMinutes }, answers: outcome.grade.answers } }, { status: 429 });
  }
  return redirect(`${lessonPath}#quiz-${quiz.id}`);
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
        ) : quizzes.length > 0 && !quizzesPassed ? (
          <p>{t("lesson.quizFirst")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="complete" />
            <button type="submit">{t("lesson.markComplete")}</button>
          </Form>
        )}
      </section>

      <nav className="lesson-nav" aria-label={t("course.syllabus")}>
        {previous ? (
          <Link to={to(`/courses/${course.slug}/${previous.slug}`)} rel="prev">
            {t("lesson.previous")}: {previous.title}
          </Link>
        ) : (
          <Link to={coursePath}>{t("lesson.backToCourse")}</Link>
        )}
        {next ? (
          <Link to={to(`/courses/${course.slug}/${next.slug}`)} rel="next">
            {t("lesson.next")}: {next.title}
          </Link>
        ) : (
          <Link to={coursePath}>{t("lesson.backToCourse")}</Link>
        )}
      </nav>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "courses:catalogue.title", { title: data ? `${data.lesson.title} · ${data.course.title}` : undefined });
