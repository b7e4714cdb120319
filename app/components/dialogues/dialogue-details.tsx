import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";

export type AgendaItem = { code: string; standard: boolean; title: string; clusters: string[]; articles: string[] };

export type DialogueDetailsProps = {
  view: {
    description: string;
    session: string;
    when: string;
    timeZone: string;
    format: string;
    venue: string;
    state: string;
    approvalRequired: boolean;
    registrationOpensAt: string | null;
    registrationClosesAt: string | null;
    agenda: AgendaItem[];
    modes: Array<{ mode: string; capacity: number; seatsLeft: number; waiting: number }>;
  };
  icsHref: string;
};

/** An agenda topic's title: the paper's standard topics are translated, others are as written. */
export function useTopicTitle() {
  const { t } = useTranslation("dialogues");
  return (topic: Pick<AgendaItem, "code" | "standard" | "title">) => (topic.standard ? t(`topics.${topic.code}`) : topic.title);
}

/** What, when and where; the agenda; seats per attendance mode. */
export function DialogueDetails({ view, icsHref }: DialogueDetailsProps) {
  const { t } = useTranslation(["dialogues", "library"]);
  const { to } = useLocale();
  const topicTitle = useTopicTitle();
  return (
    <>
      {view.description.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      <dl className="details">
        <dt>{t("details.when")}</dt>
        <dd>
          {view.when} <span className="meta">{t("details.timeZone", { zone: view.timeZone })}</span>
        </dd>
        <dt>{t("details.session")}</dt>
        <dd>{view.session}</dd>
        <dt>{t("details.format")}</dt>
        <dd>{t(`formats.${view.format}`)}</dd>
        {view.venue ? (
          <>
            <dt>{t("details.venue")}</dt>
            <dd>{view.venue}</dd>
          </>
        ) : null}
        <dt>{t("details.state")}</dt>
        <dd>{t(`states.${view.state}`)}</dd>
        {view.registrationClosesAt ? (
          <>
            <dt>{t("details.registrationCloses")}</dt>
            <dd>{view.registrationClosesAt}</dd>
          </>
        ) : null}
        {view.approvalRequired ? (
          <>
            <dt>{t("details.approval")}</dt>
            <dd>{t("details.approvalRequired")}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={icsHref} download>
          {t("details.calendarFile")}
        </a>
      </p>
      {view.modes.length ? (
        <section aria-labelledby="seats">
          <h2 id="seats">{t("seats.title")}</h2>
          <ul>
            {view.modes.map((mode) => (
              <li key={mode.mode}>
                {t(`modes.${mode.mode}`)}: {t("seats.ofCapacity", { left: mode.seatsLeft, capacity: mode.capacity })}
                {mode.waiting ? ` · ${t("seats.waiting", { count: mode.waiting })}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="agenda">
        <h2 id="agenda">{t("agenda.title")}</h2>
        {view.agenda.length === 0 ? <p>{t("agenda.empty")}</p> : null}
        <ol>
          {view.agenda.map((topic) => (
            <li key={topic.code}>
              {topicTitle(topic)}
              {topic.clusters.length || topic.articles.length ? (
                <ul className="tag-list" aria-label={t("agenda.concerns")}>
                  {topic.clusters.map((cluster) => (
                    <li key={cluster} className="tag">
                      {t("library:clusterLabel", { code: cluster })}
                    </li>
                  ))}
                  {topic.articles.map((article) => {
                    const [instrument, number] = article.split(":");
                    return (
                      <li key={article} className="tag">
                        <Link to={to(`/articles/${instrument}/${number}`)}>{t("library:articleLabel", { instrument: t(`library:instrumentsShort.${instrument}`), number })}</Link>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
