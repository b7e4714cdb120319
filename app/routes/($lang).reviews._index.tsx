import { READING_PAGE } from "~/utils/hydration";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GroupClusterFields } from "~/components/reviews/group-cluster-fields";
import { BarChart } from "~/components/charts/bar-chart";
import chartsHref from "~/components/charts/charts.css";
import { combinationName, formatDate, numberFormat } from "~/modules/reviews/format";
import { getDashboard } from "~/modules/reviews/queries.server";
import { ReviewFilters } from "~/modules/reviews/reviews.schema.server";
import { STAGES } from "~/modules/treaty/vocabulary";
import { GROUPS, MINISTRIES } from "~/modules/reviews/vocabulary";
import { getDirection } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { DataNotice } from "~/components/data-notice";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = READING_PAGE;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getRequestLocale(request);
  const filters = ReviewFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { filters, ...(await getDashboard(filters, locale)) };
}

export default function ReviewsDashboard() {
  const { t, i18n } = useTranslation(["reviews", "common"]);
  const { locale, to } = useLocale();
  const { filters, notice, stats, reference, gate, gateCluster, overdue, partiesWithoutByGroup } = useLoaderData<typeof loader>();
  const rtl = getDirection(locale) === "rtl";
  const number = numberFormat(i18n.language);
  const groupRows = GROUPS.filter((group) => !filters.group || group === filters.group);
  const byGroup = (group: number) => stats.reviews.byGroup[String(group) as "1"];
  const groupLabel = (group: number) => t("groupLabel", { group });
  const fp = stats.focalPoints;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));
  const filterQuery = new URLSearchParams({ ...(filters.group ? { group: String(filters.group) } : {}), ...(filters.cluster ? { cluster: filters.cluster } : {}) }).toString();
  const languageRows = [
    ...Object.entries(stats.languages.combinations)
      .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
      .map(([key, count]) => ({ key, label: combinationName(key, locale), values: [count] })),
    ...(stats.languages.notAgreed ? [{ key: "none", label: t("dashboard.notAgreed"), values: [stats.languages.notAgreed] }] : []),
  ];
  const submitted = (group: number) => byGroup(group).byStage.written_feedback + byGroup(group).byStage.list_of_observations + byGroup(group).byStage.completed;
  const feedbackDone = (group: number) => byGroup(group).byStage.list_of_observations + byGroup(group).byStage.completed;
  const started = (group: number) => byGroup(group).total - byGroup(group).byStage.focal_points - byGroup(group).byStage.initial_consultation;

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

      <p className="meta">
        {reference.date ? t(reference.source === "import" ? "dashboard.asOfImport" : "dashboard.asOfLatest", { date: formatDate(reference.date, locale) }) : t("dashboard.noData")}
      </p>

      <section aria-labelledby="headline" className="section">
        <h2 id="headline">{t("dashboard.headline")}</h2>
        <ul className="figures">
          <li>
            <strong>{number.format(stats.reviews.total)}</strong> {t("dashboard.figures.total")}
          </li>
          <li>
            <strong>{number.format(stats.reviews.started)}</strong> {t("dashboard.figures.started")}
          </li>
          <li>
            <strong>{number.format(stats.reviews.notStarted)}</strong> {t("dashboard.figures.notStarted", { focalPoints: stats.reviews.byStage.focal_points, consultation: stats.reviews.byStage.initial_consultation })}
          </li>
          <li>
            <strong>{number.format(stats.saq.submitted)}</strong> {t("dashboard.figures.saqSubmitted")}
          </li>
          <li>
            <strong>{number.format(stats.writtenFeedback.completed)}</strong> {t("dashboard.figures.feedbackCompleted")}
          </li>
          <li>
            <strong>{number.format(fp.current)}</strong> {t("dashboard.figures.focalPoints", { parties: fp.partiesWithCurrent })}
          </li>
          <li>
            <strong>{number.format(fp.partiesWithout)}</strong> {t("dashboard.figures.partiesWithout")}
          </li>
          <li>
            <strong>{number.format(fp.women)}</strong> {t("dashboard.figures.women", { share: share(fp.women, fp.current) })}
          </li>
        </ul>
        <ScrollableTable label={t("dashboard.focalPointsTable")}>
          <table>
            <caption>{t("dashboard.focalPointsTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.ministry")}</th>
                <th scope="col">{t("dashboard.count")}</th>
                <th scope="col">{t("dashboard.share")}</th>
              </tr>
            </thead>
            <tbody>
              {MINISTRIES.map((ministry) => (
                <tr key={ministry}>
                  <th scope="row">{t(`ministries.${ministry}`)}</th>
                  <td className="numeric">{number.format(fp.byMinistry[ministry])}</td>
                  <td className="numeric">{share(fp.byMinistry[ministry], fp.current)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
        <p>{t("dashboard.replaced", { replaced: fp.partiesThatReplaced, several: fp.partiesWithSeveral })}</p>
      </section>

      <section aria-labelledby="gate" className="section gate">
        <h2 id="gate">{t("dashboard.gate.title")}</h2>
        <p>{t("dashboard.gate.body", { completed: gate.completed, total: gate.total, share: gate.share, needed: gate.needed, cluster: gateCluster })}</p>
        <progress max={Math.max(gate.total, 1)} value={gate.completed} aria-label={t("dashboard.gate.title")} />
        <p>
          <strong>{gate.met ? t("dashboard.gate.met") : t("dashboard.gate.notMet", { missing: Math.max(0, gate.needed - gate.completed) })}</strong>
        </p>
      </section>

      <section aria-labelledby="charts" className="section">
        <h2 id="charts">{t("dashboard.chartsTitle")}</h2>
        <BarChart
          id="held-up"
          rtl={rtl}
          title={t("dashboard.charts.heldUp.title")}
          description={t("dashboard.charts.heldUp.description", { count: stats.reviews.byStage.focal_points, parties: fp.partiesWithout })}
          categoryLabel={t("dashboard.group")}
          series={[
            { key: "held", label: t("dashboard.charts.heldUp.held") },
            { key: "other", label: t("dashboard.charts.heldUp.other") },
          ]}
          rows={groupRows.map((group) => ({
            key: String(group),
            label: groupLabel(group),
            values: [byGroup(group).byStage.focal_points, byGroup(group).total - byGroup(group).byStage.focal_points],
          }))}
        />
        <p className="meta">
          {t("dashboard.charts.heldUp.partiesByGroup", { one: partiesWithoutByGroup["1"], two: partiesWithoutByGroup["2"], three: partiesWithoutByGroup["3"] })}
        </p>
        <BarChart
          id="status"
          rtl={rtl}
          title={t("dashboard.charts.status.title")}
          description={t("dashboard.charts.status.description", { started: stats.reviews.started, total: stats.reviews.total })}
          categoryLabel={t("dashboard.group")}
          series={STAGES.map((stage) => ({ key: stage, label: t(`stages.${stage}`) }))}
          rows={groupRows.map((group) => ({ key: String(group), label: groupLabel(group), values: STAGES.map((stage) => byGroup(group).byStage[stage]) }))}
        />
        <BarChart
          id="consultations"
          rtl={rtl}
          title={t("dashboard.charts.consultations.title")}
          description={t("dashboard.charts.consultations.description", { held: stats.reviews.started, waiting: stats.reviews.byStage.initial_consultation })}
          categoryLabel={t("dashboard.group")}
          series={[
            { key: "held", label: t("dashboard.charts.consultations.held") },
            { key: "waiting", label: t("dashboard.charts.consultations.waiting") },
            { key: "blocked", label: t("dashboard.charts.consultations.blocked") },
          ]}
          rows={groupRows.map((group) => ({
            key: String(group),
            label: groupLabel(group),
            values: [started(group), byGroup(group).byStage.initial_consultation, byGroup(group).byStage.focal_points],
          }))}
        />
        <BarChart
          id="languages"
          rtl={rtl}
          title={t("dashboard.charts.languages.title")}
          description={t("dashboard.charts.languages.description", { one: stats.languages.one, two: stats.languages.two, three: stats.languages.three, notAgreed: stats.languages.notAgreed })}
          categoryLabel={t("dashboard.charts.languages.combination")}
          series={[{ key: "reviews", label: t("dashboard.charts.languages.reviews") }]}
          rows={languageRows}
        />
        <BarChart
          id="saq"
          rtl={rtl}
          title={t("dashboard.charts.saq.title")}
          description={t("dashboard.charts.saq.description", { submitted: stats.saq.submitted, inPreparation: stats.saq.inPreparation })}
          categoryLabel={t("dashboard.group")}
          series={[
            { key: "submitted", label: t("dashboard.charts.saq.submitted") },
            { key: "preparing", label: t("dashboard.charts.saq.inPreparation") },
          ]}
          rows={groupRows.map((group) => ({ key: String(group), label: groupLabel(group), values: [submitted(group), byGroup(group).byStage.saq] }))}
        />
        <BarChart
          id="feedback"
          rtl={rtl}
          title={t("dashboard.charts.feedback.title")}
          description={t("dashboard.charts.feedback.description", { completed: stats.writtenFeedback.completed, inProgress: stats.writtenFeedback.inProgress })}
          categoryLabel={t("dashboard.group")}
          series={[
            { key: "completed", label: t("dashboard.charts.feedback.completed") },
            { key: "progress", label: t("dashboard.charts.feedback.inProgress") },
          ]}
          rows={groupRows.map((group) => ({ key: String(group), label: groupLabel(group), values: [feedbackDone(group), byGroup(group).byStage.written_feedback] }))}
        />
      </section>

      <section aria-labelledby="overdue" className="section">
        <h2 id="overdue">{t("dashboard.overdue.title")}</h2>
        <p>{t("dashboard.overdue.intro")}</p>
        {overdue.length === 0 ? (
          <p>{t("dashboard.overdue.none")}</p>
        ) : (
          <ScrollableTable label={t("dashboard.overdue.title")}>
            <table>
              <caption>{t("dashboard.overdue.caption", { count: overdue.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.country")}</th>
                  <th scope="col">{t("columns.group")}</th>
                  <th scope="col">{t("columns.stage")}</th>
                  <th scope="col">{t("dashboard.overdue.since")}</th>
                  <th scope="col">{t("dashboard.overdue.dueOn")}</th>
                  <th scope="col">{t("dashboard.overdue.daysLate")}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((item) => (
                  <tr key={`${item.cluster}-${item.code}`}>
                    <th scope="row">
                      <Link to={to(`/countries/${item.code}`)}>{item.name}</Link>
                    </th>
                    <td>{item.group}</td>
                    <td>{t(`stages.${item.stage}`)}</td>
                    <td>{formatDate(item.since, locale)}</td>
                    <td>{formatDate(item.dueOn, locale)}</td>
                    <td className="numeric">{number.format(item.daysLate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>

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
