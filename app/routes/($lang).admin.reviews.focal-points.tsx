import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/modules/auth/session.server";
import { formatCalendarDate } from "~/utils/format";
import { listFocalPointContacts } from "~/modules/reviews/queries.server";
import { FocalPointQuery } from "~/modules/reviews/reviews.schema.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "reviews"] });


/** Focal points with names and contacts: the secretariat's own list, never public. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const query = FocalPointQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listFocalPointContacts({ party: query.party, current: query.current === "1" }, getRequestLocale(request));
  return { query, rows };
}

export default function AdminFocalPoints() {
  const { t } = useTranslation(["reviews", "common"]);
  const { locale, to } = useLocale();
  const { query, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("focalPoints.title")}</h1>
      <p className="lead">{t("focalPoints.intro")}</p>
      <Form method="get" className="review-filters">
        <div className="field">
          <label htmlFor="party">{t("focalPoints.party")}</label>
          <input id="party" name="party" defaultValue={query.party ?? ""} maxLength={3} />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="current" value="1" defaultChecked={query.current === "1"} /> {t("focalPoints.currentOnly")}
          </label>
        </div>
        <p>
          <button type="submit">{t("dashboard.apply")}</button>
        </p>
      </Form>
      <p role="status">{t("focalPoints.count", { count: rows.length })}</p>
      <ScrollableTable label={t("focalPoints.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("focalPoints.party")}</th>
              <th scope="col">{t("dashboard.ministry")}</th>
              <th scope="col">{t("focalPoints.gender")}</th>
              <th scope="col">{t("focalPoints.designated")}</th>
              <th scope="col">{t("focalPoints.replaced")}</th>
              <th scope="col">{t("focalPoints.name")}</th>
              <th scope="col">{t("focalPoints.email")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={to(`/countries/${row.party_code}`)}>{row.partyName}</Link>
                </th>
                <td>{t(`ministries.${row.ministry}`)}</td>
                <td>{t(`genders.${row.gender}`)}</td>
                <td>{formatCalendarDate(row.designated_on, locale)}</td>
                <td>{formatCalendarDate(row.replaced_on, locale) || "—"}</td>
                <td>{row.name ?? "—"}</td>
                <td>{row.email ? <a href={`mailto:${row.email}`}>{row.email}</a> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "reviews:focalPoints.title");
