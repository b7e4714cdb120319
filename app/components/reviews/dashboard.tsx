/** The sections of the review dashboard (app/routes/($lang).reviews._index.tsx), fed by getDashboardView. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts/bar-chart";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import type { DashboardView } from "~/modules/reviews/dashboard-view.server";
import { STAGES } from "~/modules/treaty/vocabulary";
import { numberFormat } from "~/utils/format";
import { getDirection } from "~/utils/i18n";
import { useLocale } from "~/utils/i18n-react";

export function DashboardHeadline({ view }: { view: DashboardView }) {
  const { t, i18n } = useTranslation(["reviews", "common"]);
  const number = numberFormat(i18n.language);
  const { stats } = view;
  const fp = stats.focalPoints;
  return (
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
          <strong>{number.format(fp.women)}</strong> {t("dashboard.figures.women", { share: view.womenShare })}
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
            {view.ministries.map(({ ministry, count, share }) => (
              <tr key={ministry}>
                <th scope="row">{t(`ministries.${ministry}`)}</th>
                <td className="numeric">{number.format(count)}</td>
                <td className="numeric">{share}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <p>{t("dashboard.replaced", { replaced: fp.partiesThatReplaced, several: fp.partiesWithSeveral })}</p>
    </section>
  );
}

export function DashboardCharts({ view }: { view: DashboardView }) {
  const { t } = useTranslation(["reviews", "common"]);
  const { locale } = useLocale();
  const rtl = getDirection(locale) === "rtl";
  const { stats, groups, partiesWithoutByGroup } = view;
  const fp = stats.focalPoints;
  const rowsOf = (values: (figures: DashboardView["groups"][number]) => number[]) => groups.map((figures) => ({ key: String(figures.group), label: t("groupLabel", { group: figures.group }), values: values(figures) }));
  return (
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
        rows={rowsOf((figures) => [figures.heldUp, figures.notHeldUp])}
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
        rows={rowsOf((figures) => STAGES.map((stage) => figures.byStage[stage]))}
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
        rows={rowsOf((figures) => [figures.started, figures.consultationWaiting, figures.heldUp])}
      />
      <BarChart
        id="languages"
        rtl={rtl}
        title={t("dashboard.charts.languages.title")}
        description={t("dashboard.charts.languages.description", { one: stats.languages.one, two: stats.languages.two, three: stats.languages.three, notAgreed: stats.languages.notAgreed })}
        categoryLabel={t("dashboard.charts.languages.combination")}
        series={[{ key: "reviews", label: t("dashboard.charts.languages.reviews") }]}
        rows={view.languageRows.map((row) => ({ key: row.key, label: row.label ?? t("dashboard.notAgreed"), values: [row.count] }))}
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
        rows={rowsOf((figures) => [figures.saqSubmitted, figures.saqInPreparation])}
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
        rows={rowsOf((figures) => [figures.feedbackCompleted, figures.feedbackInProgress])}
      />
    </section>
  );
}

export function OverdueTable({ overdue }: { overdue: DashboardView["overdue"] }) {
  const { t } = useTranslation(["reviews", "common"]);
  const { to } = useLocale();
  return (
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
                  <td>{item.since}</td>
                  <td>{item.dueOn}</td>
                  <td className="numeric">{item.daysLate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
