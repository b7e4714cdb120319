import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ObservationFilters } from "~/components/dialogues/observation-filters";
import { PublicObservationList } from "~/components/dialogues/public-observation-list";
import { getObservationsPage } from "~/modules/dialogues/observation-views.server";
import { ObservationQuery } from "~/modules/dialogues/observations.schema.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["dialogues", "observations"] });

/** The compilation of chairs' observations across dialogues, filterable by topic, cluster, article and year. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = ObservationQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getObservationsPage(query, getRequestLocale(request));
}

export default function Observations() {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const view = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const name of ["topic", "cluster", "article", "year"] as const) if (view.query[name] !== undefined) params.set(name, String(view.query[name]));
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return `${to("/observations")}${search ? `?${search}` : ""}`;
  };
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      {view.illustrative ? <p className="alert alert--info">{t("list.illustrative")}</p> : null}
      <div className="search-layout">
        <ObservationFilters query={view.query} choices={view.choices} />
        <div>
          <p role="status">{t("list.results", { number: view.total })}</p>
          {view.items.length === 0 ? <p>{t("list.none")}</p> : <PublicObservationList items={view.items} headingLevel={2} />}
          {view.pages > 1 ? (
            <nav className="pagination" aria-label={t("list.pagination")}>
              {view.page > 1 ? <Link to={pageLink(view.page - 1)}>{t("list.previous")}</Link> : null}
              <span>{t("list.page", { page: view.page, pages: view.pages })}</span>
              {view.page < view.pages ? <Link to={pageLink(view.page + 1)}>{t("list.next")}</Link> : null}
            </nav>
          ) : null}
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "observations:list.title");
