import { pageHandle } from "~/utils/route-handle";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CourseSyllabus } from "~/components/lesson/course-syllabus";
import lessonStyles from "~/components/lesson/lesson.css";
import { FormAlert } from "~/components/ui/form";
import { getSessionUser, requireUser } from "~/modules/auth/session.server";
import { enrollFromForm, getCoursePageView } from "~/modules/courses/lesson-page.server";
import type { FieldError } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { localePath, signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["courses"], hydrate: false });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await getSessionUser(request);
  const view = await getCoursePageView(params.course ?? "", getRequestLocale(request), user?.id ?? null);
  if (!view) notFound();
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const outcome = await enrollFromForm(user.id, params.course ?? "", await request.formData());
  if (outcome === "not-found") notFound();
  if (outcome === "bad-form") return data({ formError: { key: "courses:errors.unknownIntent" } as FieldError }, { status: 400 });
  return redirect(localePath(getRequestLocale(request), `/courses/${params.course ?? ""}`));
}

export default function CourseOverview() {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  const { course, syllabus, signedIn, enrolled, doneCount, certificateCode, nextLesson } = useLoaderData<typeof loader>();
  const titleLang = course.titleLocale !== locale ? course.titleLocale : undefined;
  const signInHref = signInPath(locale, to(`/courses/${course.slug}`));
  return (
    <>
      <nav aria-label={t("lesson.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={to("/courses")}>{t("catalogue.title")}</Link>
          </li>
          <li aria-current="page" lang={titleLang}>
            {course.title}
          </li>
        </ol>
      </nav>
      <h1 lang={titleLang}>{course.title}</h1>
      <p className="lead" lang={titleLang}>
        {course.summary}
      </p>
      <dl className="details">
        <dt>{t("course.summary")}</dt>
        <dd>{t("course.length", { lessons: course.lessonCount, minutes: course.estimatedMinutes })}</dd>
        <dt>{t("course.audiences")}</dt>
        <dd>{course.audiences.map((audience) => t(`audiences.${audience}`)).join(", ")}</dd>
        <dt>{t("course.clusters")}</dt>
        <dd>{course.tags.clusters.map((cluster) => t("catalogue.clusterName", { cluster })).join(", ")}</dd>
        <dt>{t("course.stages")}</dt>
        <dd>{course.tags.stages.map((stage) => t(`stages.${stage}`)).join(", ")}</dd>
        <dt>{t("quiz.title")}</dt>
        <dd>{t("course.passMark", { passMark: course.passMark })}</dd>
      </dl>

      {certificateCode ? (
        <div role="status" className="alert alert--success">
          {t("course.certificateReady")} <Link to={to(`/certificates/${certificateCode}`)}>{t("course.viewCertificate")}</Link>
        </div>
      ) : null}

      {!signedIn ? (
        <div className="alert alert--info">
          <p>{t("course.signInToEnroll")}</p>
          <p>
            <Link to={signInHref}>{t("course.signIn")}</Link> · <Link to={to("/sign-up")}>{t("course.signUp")}</Link>
          </p>
        </div>
      ) : enrolled ? (
        <>
          <p>{t("course.enrolled")}</p>
          <div className="progress">
            <progress max={course.lessonCount} value={doneCount} aria-labelledby="course-progress" />
            <span id="course-progress">{t("lesson.progressText", { done: doneCount, total: course.lessonCount })}</span>
          </div>
          <p>
            <Link className="button" to={to(`/courses/${course.slug}/${nextLesson.slug}`)}>
              {doneCount === 0 ? t("course.start") : t("course.continue", { title: nextLesson.title })}
            </Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <FormAlert />
          <input type="hidden" name="intent" value="enroll" />
          <button type="submit">{t("course.enroll")}</button>
        </Form>
      )}

      <CourseSyllabus courseSlug={course.slug} syllabus={syllabus} />

      {signedIn ? (
        <section className="section" aria-labelledby="offline">
          <h2 id="offline">{t("course.offline")}</h2>
          <p>{t("course.offlineIntro")}</p>
          <ul>
            <li>
              <Link to={to(`/courses/${course.slug}/print`)}>{t("course.printable")}</Link>
            </li>
            <li>
              <a href={to(`/courses/${course.slug}/pdf`)} download>
                {t("course.pdf")}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "courses:catalogue.title", { title: data?.course.title });
