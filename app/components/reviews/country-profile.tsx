/** The pieces of the country profile page (app/routes/($lang).countries.$code.tsx), fed by getCountryPageView. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import type { LinkedItem } from "~/modules/reviews/fits-now.server";
import type { CountryPageView, HistoryValue } from "~/modules/reviews/country-view.server";
import { useLocale } from "~/utils/i18n-react";

export function CountryFacts({ view }: { view: CountryPageView }) {
  const { t } = useTranslation(["reviews", "common"]);
  const yesNo = (value: boolean) => (value ? t("country.yes") : t("country.no"));
  return (
    <dl className="details">
      <dt>{t("country.kind")}</dt>
      <dd>{t(`kinds.${view.kind}`)}</dd>
      <dt>{t("columns.group")}</dt>
      <dd>{t("groupLabel", { group: view.group })}</dd>
      <dt>{t("country.joined")}</dt>
      <dd>{view.joinedOn}</dd>
      <dt>{t("country.focalPoint")}</dt>
      <dd>{view.focalPointDesignated ? t("country.focalPointYes") : t("country.focalPointNo")}</dd>
      <dt>{t("country.experts")}</dt>
      <dd>{t("country.expertsValue", view.experts)}</dd>
      <dt>{t("country.observers")}</dt>
      <dd>{yesNo(view.observers)}</dd>
      <dt>{t("country.pilot")}</dt>
      <dd>{yesNo(view.pilotInitiative)}</dd>
      <dt>{t("country.redraws")}</dt>
      <dd>{view.redraws}</dd>
    </dl>
  );
}

export function ProtocolsTable({ protocols }: { protocols: CountryPageView["protocols"] }) {
  const { t } = useTranslation(["reviews", "common"]);
  return (
    <section aria-labelledby="protocols" className="section">
      <h2 id="protocols">{t("country.protocols")}</h2>
      <ScrollableTable label={t("country.protocols")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("country.instrument")}</th>
              <th scope="col">{t("country.status")}</th>
            </tr>
          </thead>
          <tbody>
            {protocols.map(({ protocol, partySince }) => (
              <tr key={protocol}>
                <th scope="row">{t(`protocols.${protocol}`)}</th>
                <td>{partySince ? t("country.partySince", { date: partySince }) : t("country.notParty")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

/** One review of the party: its stage, reviewers, languages and the timeline of its steps. */
export function ReviewSection({ review }: { review: CountryPageView["reviews"][number] }) {
  const { t } = useTranslation(["reviews", "common"]);
  const { to } = useLocale();
  const [first, second] = review.reviewers;
  return (
    <section aria-labelledby={`review-${review.cluster}`} className="section">
      <h2 id={`review-${review.cluster}`}>{t("country.reviewInCluster", { cluster: review.cluster })}</h2>
      <dl className="details">
        <dt>{t("country.currentStage")}</dt>
        <dd>
          <strong>{t(`stages.${review.stage}`)}</strong>
        </dd>
        <dt>{t("columns.reviewers")}</dt>
        <dd>
          <Link to={to(`/countries/${first!.code}`)}>{first!.name}</Link>, <Link to={to(`/countries/${second!.code}`)}>{second!.name}</Link>
        </dd>
        <dt>{t("columns.languages")}</dt>
        <dd>{review.languages ?? t("country.languagesNotAgreed")}</dd>
      </dl>
      <h3>{t("country.timeline")}</h3>
      <ol className="timeline">
        {review.timeline.map((step) => (
          <li key={step.stage} className={step.state === "done" ? "is-done" : step.state === "current" ? "is-current" : undefined} aria-current={step.state === "current" ? "step" : undefined}>
            <span className="timeline__state">{t(`stages.${step.stage}`)}</span>
            {" — "}
            {step.state === "done" ? (step.doneOn ? t("country.stepDoneOn", { date: step.doneOn }) : t("country.stepDone")) : step.state === "current" ? t("country.stepCurrent") : t("country.stepPending")}
            {step.stage === "focal_points" ? (
              <ul>
                {review.focalPoints.map((party) => (
                  <li key={party.code}>
                    {party.name}: {party.designated ? t("country.focalPointYes") : t("country.focalPointNo")}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function LinkedItemList({ items, empty }: { items: LinkedItem[]; empty: string }) {
  const { to } = useLocale();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="stack">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={to(item.path)}>{item.title}</Link>
          {item.summary ? <p className="meta">{item.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** The reviews in which the party is a reviewer. */
export function ReviewingTable({ reviewing }: { reviewing: CountryPageView["reviewing"] }) {
  const { t } = useTranslation(["reviews", "common"]);
  const { to } = useLocale();
  return (
    <section aria-labelledby="reviewing" className="section">
      <h2 id="reviewing">{t("country.reviewing.title")}</h2>
      {reviewing.length === 0 ? (
        <p>{t("country.reviewing.none")}</p>
      ) : (
        <ScrollableTable label={t("country.reviewing.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("columns.stateUnderReview")}</th>
                <th scope="col">{t("columns.cluster")}</th>
                <th scope="col">{t("columns.stage")}</th>
              </tr>
            </thead>
            <tbody>
              {reviewing.map((review) => (
                <tr key={`${review.cluster}-${review.code}`}>
                  <th scope="row">
                    <Link to={to(`/countries/${review.code}`)}>{review.name}</Link>
                  </th>
                  <td>{review.cluster}</td>
                  <td>{t(`stages.${review.stage}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}

/** The latest changes to the party's review data. */
export function HistoryTable({ history }: { history: CountryPageView["history"] }) {
  const { t } = useTranslation(["reviews", "common"]);
  if (history.length === 0) return null;
  const show = (value: HistoryValue) => ("key" in value ? t(value.key) : value.text);
  return (
    <section aria-labelledby="history" className="section">
      <h2 id="history">{t("country.history.title")}</h2>
      <ScrollableTable label={t("country.history.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("country.history.when")}</th>
              <th scope="col">{t("columns.cluster")}</th>
              <th scope="col">{t("country.history.what")}</th>
              <th scope="col">{t("country.history.from")}</th>
              <th scope="col">{t("country.history.to")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry, index) => (
              <tr key={index}>
                <td>{entry.when}</td>
                <td>{entry.cluster}</td>
                <td>{t(`country.history.fields.${entry.field}`, { defaultValue: entry.field })}</td>
                <td>{show(entry.from)}</td>
                <td>{show(entry.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}
