import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { HubLabels, TagRef } from "~/modules/hub/queries.server";
import { useLocale } from "~/utils/i18n-react";

/** A tag's text in the reader's language: the instrument's or cluster's title, an article, or the free tag. */
export function useTagLabel(labels: HubLabels) {
  const { t } = useTranslation("hub");
  return (tag: TagRef) => {
    if (tag.type === "instrument") return labels.instruments[tag.value] ?? tag.value;
    if (tag.type === "cluster") return t("tags.cluster", { code: tag.value });
    if (tag.type === "article") {
      const [instrument = "", number = ""] = tag.value.split(":");
      return t("tags.article", { instrument: labels.instruments[instrument] ?? instrument.toUpperCase(), number });
    }
    return `#${tag.value}`;
  };
}

/** A post's tags and countries, each a link to the feed filtered by it. */
export function TagList({ tags, countries, labels }: { tags: TagRef[]; countries: string[]; labels: HubLabels }) {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  const label = useTagLabel(labels);
  if (tags.length === 0 && countries.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t("tags.label")}>
      {tags.map((tag) => (
        <li key={tag.key}>
          <Link to={to(`/hub?${new URLSearchParams({ tag: tag.key })}`)}>{label(tag)}</Link>
        </li>
      ))}
      {countries.map((code) => (
        <li key={code}>
          <Link to={to(`/hub?country=${code}`)}>{labels.countries[code] ?? code}</Link>
        </li>
      ))}
    </ul>
  );
}
