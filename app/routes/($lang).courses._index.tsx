import { pageHandle } from "~/utils/route-handle";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import lessonStyles from "~/components/lesson/lesson.css";
import { SelectField } from "~/components/ui/form";
import { getSessionUser } from "~/modules/auth/session.server";
import { CatalogueFilters } from "~/modules/courses/courses.schema.server";
import { AUDIENCES, CLUSTERS } from "~/modules/treaty/vocabulary";
import { getCatalogueView } from "~/modules/courses/catalogue-view.server";
import { LOCALE_NAMES, LOCALES } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["courses"], hydrate: false });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = CatalogueFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { user } = await getSessionUser(request);
  return getCatalogueView(filters, getRequestLocale(request), user?.id ?? null);
}

export default function Catalogue() {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  const { filters, courses } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.audience || filters.cluster || filters.language);
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      <Form method="get" className="filters" aria-label={t("catalogue.filters")}>
        <SelectField
          name="audience"
          label={t("catalogue.audience")}
          optional
          defaultValue={filters.audience ?? ""}
          options={[{ value: "", label: t("catalogue.any") }, ...AUDIENCES.map((audience) => ({ value: audience, label: t(`audiences.${audience}`) }))]}
        />
        <SelectField
          name="cluster"
          label={t("catalogue.cluster")}
          optional
          defaultValue={filters.cluster ?? ""}
          options={[{ value: "", label: t("catalogue.any") }, ...CLUSTERS.map((cluster) => ({ value: cluster, label: t("catalogue.clusterName", { cluster }) }))]}
        />
        <SelectField
          name="language"
          label={t("catalogue.language")}
          optional
          defaultValue={filters.language ?? ""}
          options={[{ value: "", label: t("catalogue.any") }, ...LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))]}
        />
        <p>
          <button type="submit">{t("catalogue.apply")}</button>
        </p>
        {filtered ? (
          <p>
            <Link to={to("/courses")}>{t("catalogue.clear")}</Link>
          </p>
        ) : null}
      </Form>
      <p role="status">{t("catalogue.results", { count: courses.length })}</p>
      {courses.length === 0 ? <p>{t("catalogue.empty")}</p> : null}
      <ul className="course-list">
        {courses.map((course) => {
          const partly = course.locales.filter((code) => !course.completeLocales.includes(code));
          return (
            <li key={course.slug} className="course-card">
              <h2 lang={course.titleLocale !== locale ? course.titleLocale : undefined}>
                <Link to={to(`/courses/${course.slug}`)}>{course.title}</Link>
              </h2>
              <p lang={course.titleLocale !== locale ? course.titleLocale : undefined}>{course.summary}</p>
              <p className="meta">{t("catalogue.length", { lessons: course.lessonCount, minutes: course.estimatedMinutes })}</p>
              <ul className="tag-list" aria-label={t("course.audiences")}>
                {course.audiences.map((audience) => (
                  <li key={audience} className="tag">
                    {t(`audiences.${audience}`)}
                  </li>
                ))}
                {course.tags.clusters.map((cluster) => (
                  <li key={cluster} className="tag">
                    {t("catalogue.clusterName", { cluster })}
                  </li>
                ))}
              </ul>
              <p className="meta">
                {t("catalogue.availableIn", { languages: course.completeLocales.map((code) => LOCALE_NAMES[code]).join(", ") })}
                {partly.length ? ` · ${t("catalogue.partlyIn", { languages: partly.map((code) => LOCALE_NAMES[code]).join(", ") })}` : ""}
              </p>
              {course.progress ? (
                <div className="progress">
                  <progress max={course.progress.total} value={course.progress.done} aria-label={course.title} />
                  <span>{course.progress.certified ? t("catalogue.completed") : t("catalogue.progress", { done: course.progress.done, total: course.progress.total })}</span>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "courses:catalogue.title", { descriptionKey: "courses:catalogue.intro" });
