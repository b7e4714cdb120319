import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import lessonStyles from "~/components/lesson/lesson.css";
import { requireUser } from "~/modules/auth/session.server";
import { getMyLearningView } from "~/modules/courses/catalogue-view.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { formatDay } from "~/utils/format";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["courses", "account"] });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return getMyLearningView(user.id, getRequestLocale(request));
}

export default function MyLearning() {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  const { courses, certificates } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.intro")}</p>
      <section className="section" aria-labelledby="my-courses">
        <h2 id="my-courses">{t("account.courses")}</h2>
        {courses.length === 0 ? (
          <p>
            {t("account.empty")} <Link to={to("/courses")}>{t("account.browse")}</Link>
          </p>
        ) : (
          <ScrollableTable label={t("account.courses")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("account.course")}</th>
                  <th scope="col">{t("account.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {courses.map((course) => (
                  <tr key={course.slug}>
                    <th scope="row" lang={course.titleLocale !== locale ? course.titleLocale : undefined}>
                      <Link to={to(`/courses/${course.slug}`)}>{course.title}</Link>
                    </th>
                    <td>
                      <div className="progress">
                        <progress max={course.total} value={course.done} aria-label={course.title} />
                        <span>{course.certificateCode ? t("catalogue.completed") : t("catalogue.progress", { done: course.done, total: course.total })}</span>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>
      <section className="section" aria-labelledby="my-certificates">
        <h2 id="my-certificates">{t("account.certificates")}</h2>
        {certificates.length === 0 ? (
          <p>{t("account.noCertificates")}</p>
        ) : (
          <ScrollableTable label={t("account.certificates")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("account.course")}</th>
                  <th scope="col">{t("account.issued")}</th>
                  <th scope="col">{t("account.code")}</th>
                  <th scope="col">{t("account.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {certificates.map((certificate) => (
                  <tr key={certificate.code}>
                    <th scope="row" lang={certificate.titleLocale !== locale ? certificate.titleLocale : undefined}>
                      {certificate.courseTitle}
                    </th>
                    <td>{formatDay(certificate.issuedAt, locale)}</td>
                    <td>
                      <code>{certificate.code}</code>
                    </td>
                    <td>
                      <a href={to(`/certificates/${certificate.code}/pdf`)} download>
                        {t("account.download")}
                      </a>
                      {" · "}
                      <Link to={to(`/certificates/${certificate.code}`)}>{t("account.publicPage")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "courses:account.title");
