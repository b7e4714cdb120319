import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PublicObservation } from "~/modules/dialogues/observation-views.server";
import { useLocale } from "~/utils/i18n-react";
import { ObservationTags } from "./observation-tags";

/** Published observations, each with its number in its dialogue's summary and a link to the dialogue. */
export function PublicObservationList({ items, headingLevel }: { items: PublicObservation[]; headingLevel: 2 | 3 }) {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="results">
      {items.map((item) => (
        <li key={item.id} className="result">
          <Heading className="h-small">
            {item.summaryPath ? <Link to={to(item.summaryPath)}>{t("list.observation", { number: item.number })}</Link> : t("list.observation", { number: item.number })}
            {" · "}
            <Link to={to(item.dialogue.path)}>{t("list.fromDialogue", { title: item.dialogue.title, date: item.dialogue.date })}</Link>
          </Heading>
          <p className="observation-body" dir="auto">
            {item.body}
          </p>
          <ObservationTags topics={item.topics} clusters={item.clusters} articles={item.articles} stakeholderKinds={item.stakeholderKinds} />
        </li>
      ))}
    </ul>
  );
}
