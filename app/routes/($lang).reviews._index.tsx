import { pageHandle } from "~/utils/route-handle";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import chartsHref from "~/components/charts/charts.css";
import { DataNotice } from "~/components/data-notice";
import { DashboardCharts, DashboardHeadline, OverdueTable } from "~/components/reviews/dashboard";
import { GroupClusterFields } from "~/components/reviews/group-cluster-fields";
import { getDashboardView } from "~/modules/reviews/dashboard-view.server";
import { ReviewFilters } from "~/modules/reviews/reviews.schema.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["reviews", "library", "dialogues"], hydrate: false });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = ReviewFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getDashboardView(filters, getRequestLocale(request));
}

export default function ReviewsDashboard() {
  const { t } = useTranslation(["reviews", "common"]);
  const { to } = useLocale();
  const view = useLoaderData<typeof loader>();
  const { filters, notice, reference, referenceDate, gate, gateCluster, filterQuery } = view;
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.intro")}</p>
      <DataNotice notice={notice} />

      <Form method="get" className="review-filters" aria-label={t("dashboard.filters")}>
        <GroupClusterFields group={filters.group} cluster={filters.cluster} />
        <p>
          <button type="submit">{t("dashboard.apply")}</button>
        </p>
        {filters.group || filters.cluster ? (
          <p>
            <Link to={to("/reviews")}>{t("dashboard.clear")}</Link>
          </p>
        ) : null}
      </Form>

      <p className="meta">{referenceDate ? t(reference.source === "import" ? "dashboard.asOfImport" : "dashboard.asOfLatest", { date: referenceDate }) : t("dashboard.noData")}</p>

      <DashboardHeadline view={view} />

      <section aria-labelledby="gate" className="section gate">
        <h2 id="gate">{t("dashboard.gate.title")}</h2>
        <p>{t("dashboard.gate.body", { completed: gate.completed, total: gate.total, share: gate.share, needed: gate.needed, cluster: gateCluster })}</p>
        <progress max={Math.max(gate.total, 1)} value={gate.completed} aria-label={t("dashboard.gate.title")} />
        <p>
          <strong>{gate.met ? t("dashboard.gate.met") : t("dashboard.gate.notMet", { missing: Math.max(0, gate.needed - gate.completed) })}</strong>
        </p>
      </section>

      <DashboardCharts view={view} />
      <OverdueTable overdue={view.overdue} />

      <section aria-labelledby="more" className="section">
        <h2 id="more">{t("dashboard.more")}</h2>
        <ul>
          <li>
            <Link to={to(`/reviews/list${filterQuery ? `?${filterQuery}` : ""}`)}>{t("dashboard.links.list")}</Link>
          </li>
          <li>
            <Link to={to("/countries")}>{t("dashboard.links.countries")}</Link>
          </li>
          <li>
            <Link to={to("/reviews/export")}>{t("dashboard.links.export")}</Link>
          </li>
          <li>
            <a href="/reviews/stats.json">{t("dashboard.links.stats")}</a>
          </li>
        </ul>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "reviews:dashboard.title", { descriptionKey: "reviews:dashboard.intro" });
