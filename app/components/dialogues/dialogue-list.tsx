import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";

export type DialogueListEntry = { id: number; title: string; session: string; when: string; format: string; venue: string; state: string; illustrative: boolean };

/** Dialogues as a list of cards: title, date in the venue's zone, format and state. */
export function DialogueList({ dialogues, headingLevel = 3 }: { dialogues: DialogueListEntry[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("dialogues");
  const { to } = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="stack">
      {dialogues.map((dialogue) => (
        <li key={dialogue.id} className="card">
          <Heading>
            <Link to={to(`/dialogues/${dialogue.id}`)}>{dialogue.title}</Link>
          </Heading>
          <p>{dialogue.when}</p>
          <p className="meta">
            {dialogue.session} · {t(`formats.${dialogue.format}`)}
            {dialogue.venue ? ` · ${dialogue.venue}` : ""} · {t(`states.${dialogue.state}`)}
            {dialogue.illustrative ? ` · ${t("illustrativeTag")}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The notice on every page that shows demo dialogues: what is shown is illustrative, not fact. */
export function IllustrativeNotice() {
  const { t } = useTranslation("dialogues");
  return (
    <p className="alert alert--info" role="note">
      {t("illustrativeNotice")}
    </p>
  );
}

/** The next dialogues, for pages outside the calendar (a country's profile). */
export function UpcomingDialogues({ dialogues }: { dialogues: DialogueListEntry[] }) {
  const { t } = useTranslation("dialogues");
  const { to } = useLocale();
  return (
    <section aria-labelledby="upcoming-dialogues" className="section">
      <h2 id="upcoming-dialogues">{t("country.title")}</h2>
      {dialogues.length ? <DialogueList dialogues={dialogues} /> : <p>{t("country.none")}</p>}
      <p>
        <Link to={to("/dialogues")}>{t("calendar.title")}</Link>
      </p>
    </section>
  );
}
