import { pageHandle } from "~/utils/route-handle";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GroupClusterFields } from "~/components/reviews/group-cluster-fields";
import { FilterSelect } from "~/components/ui/form";
import chartsHref from "~/components/charts/charts.css";
import { formatCalendarDate, languageName } from "~/utils/format";
import { getReviewListView } from "~/modules/reviews/queries.server";
import { ReviewListQuery } from "~/modules/reviews/reviews.schema.server";
import { STAGES } from "~/modules/treaty/vocabulary";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { DataNotice } from "~/components/data-notice";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["reviews", "library", "dialogues"], hydrate: false });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = ReviewListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getReviewListView(query, getRequestLocale(request));
}

type SortKey = ReviewListQuery["sort"];

export default function ReviewList() {
  const { t } = useTranslation(["reviews", "common"]);
  const { locale, to } = useLocale();
  const { query, notice, items, total, pages, page } = useLoaderData<typeof loader>();
  const base: Record<string, string> = {};
  if (query.group) base.group = String(query.group);
  if (query.cluster) base.cluster = query.cluster;
  if (query.stage) base.stage = query.stage;
  if (query.q) base.q = query.q;
  const withSort = { ...base, sort: query.sort, dir: query.dir };
  const href = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
  const csvHref = `/reviews/list.csv?${new URLSearchParams({ ...withSort, lang: locale })}`;

  const SortHeader = ({ column, label }: { column: SortKey; label: string }) => {
    const active = query.sort === column;
    const nextDir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link className="sort-link" to={href({ ...base, sort: column, dir: nextDir })}>
          {label}
          {active ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
          <span className="visually-hidden"> — {t(nextDir === "asc" ? "list.sortAscending" : "list.sortDescending")}</span>
        </Link>
      </th>
    );
  };

  return (
    <>
      <h1>{t("list.title")}</h1>
      <DataNotice notice={notice} />
      <p className="lead">{t("list.intro")}</p>
      <Form method="get" className="review-filters" aria-label={t("dashboard.filters")}>
        <div className="field">
          <label htmlFor="q">{t("list.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <GroupClusterFields group={query.group} cluster={query.cluster} />
        <FilterSelect id="stage" name="stage" label={t("columns.stage")} any={t("list.allStages")} options={STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))} value={query.stage} />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <p>
          <button type="submit">{t("dashboard.apply")}</button>
        </p>
      </Form>

      <p role="status">{t("list.count", { count: total })}</p>
      <p>
        <a href={csvHref} download>
          {t("list.downloadCsv")}
        </a>
      </p>

      {items.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ScrollableTable label={t("list.title")}>
          <table>
            <caption className="visually-hidden">{t("list.title")}</caption>
            <thead>
              <tr>
                <SortHeader column="country" label={t("columns.country")} />
                <SortHeader column="group" label={t("columns.group")} />
                <th scope="col">{t("columns.cluster")}</th>
                <SortHeader column="stage" label={t("columns.stage")} />
                <th scope="col">{t("columns.reviewers")}</th>
                <th scope="col">{t("columns.languages")}</th>
                <SortHeader column="consultation" label={t("columns.consultation")} />
                <SortHeader column="saq" label={t("columns.saq")} />
                <SortHeader column="feedback" label={t("columns.feedback")} />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.cluster}-${item.state_under_review}`}>
                  <th scope="row">
                    <Link to={to(`/countries/${item.state_under_review}`)}>{item.name}</Link>
                  </th>
                  <td>{item.group}</td>
                  <td>{item.cluster}</td>
                  <td>{t(`stages.${item.stage}`)}</td>
                  <td>
                    <Link to={to(`/countries/${item.reviewer_1}`)}>{item.reviewer1Name}</Link>, <Link to={to(`/countries/${item.reviewer_2}`)}>{item.reviewer2Name}</Link>
                  </td>
                  <td>{item.languages.length ? item.languages.map((code) => languageName(code, locale)).join(", ") : "—"}</td>
                  <td>{formatCalendarDate(item.initial_consultation_on, locale) || "—"}</td>
                  <td>{formatCalendarDate(item.saq_submitted_on, locale) || "—"}</td>
                  <td>{formatCalendarDate(item.feedback_submitted_on, locale) || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("list.pagination")}>
          {page > 1 ? <Link to={href({ ...withSort, page: String(page - 1) })}>{t("list.previous")}</Link> : null}
          <span>{t("list.page", { page, pages })}</span>
          {page < pages ? <Link to={href({ ...withSort, page: String(page + 1) })}>{t("list.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "reviews:list.title");
