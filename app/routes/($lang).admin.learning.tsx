import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/modules/auth/session.server";
import { getLearningReport } from "~/modules/courses/report.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { numberFormat } from "~/utils/format";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "courses"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return getLearningReport(getRequestLocale(request));
}

export default function AdminLearning() {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  const { courses, byCountry, byKind } = useLoaderData<typeof loader>();
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
  const breakdown = (id: string, title: string, keyLabel: string, rows: typeof byCountry) => (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ScrollableTable label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.course")}</th>
              <th scope="col">{keyLabel}</th>
              <th scope="col">{t("admin.learners")}</th>
              <th scope="col">{t("admin.completed")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.courseSlug}:${row.key}`}>
                <td>{row.courseTitle}</td>
                <th scope="row">{row.label}</th>
                <td>{number.format(row.learners)}</td>
                <td>{number.format(row.completed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      <p>
        <a href={to("/admin/learning.csv")} download>
          {t("admin.csv")}
        </a>
      </p>
      <ScrollableTable label={t("admin.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.course")}</th>
              <th scope="col">{t("admin.learners")}</th>
              <th scope="col">{t("admin.completed")}</th>
              <th scope="col">{t("admin.completionRate")}</th>
              <th scope="col">{t("admin.medianDays")}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((course) => (
              <tr key={course.courseSlug}>
                <th scope="row">{course.courseTitle}</th>
                <td>{number.format(course.learners)}</td>
                <td>{number.format(course.completed)}</td>
                <td>{course.completionRate === null ? t("admin.none") : `${number.format(course.completionRate)} %`}</td>
                <td>{course.medianDays === null ? t("admin.none") : number.format(course.medianDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {breakdown("by-country", t("admin.byCountry"), t("admin.country"), byCountry)}
      {breakdown("by-kind", t("admin.byKind"), t("admin.kind"), byKind)}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "courses:admin.title");
