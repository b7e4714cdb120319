import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/format";
import type { SummaryView } from "~/modules/dialogues/summary.server";
import { ObservationTags } from "./observation-tags";

/** Participation figures: organizations by kind (those present), member States, attendees per mode. */
export function ParticipationFigures({ participation, total }: { participation: SummaryView["participation"]; total: number }) {
  const { t, i18n } = useTranslation("observations");
  const common = useTranslation("common").t;
  const figures = [
    ...Object.entries(participation.organizations)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => ({ key: kind, label: common(`organizationKinds.${kind}`), value: count })),
    { key: "states", label: t("summary.states"), value: participation.states },
    { key: "in_person", label: t("summary.inPerson"), value: participation.attendees.in_person },
    { key: "online", label: t("summary.online"), value: participation.attendees.online },
    { key: "observations", label: t("summary.observationCount"), value: total },
  ];
  return (
    <ul className="figures">
      {figures.map((figure) => (
        <li key={figure.key}>
          <strong>{formatNumber(figure.value, i18n.language)}</strong> {figure.label}
        </li>
      ))}
    </ul>
  );
}

/** The observations under their agenda topics, numbered 1..N; each has an anchor that search results link to. */
export function SummarySections({ sections }: { sections: SummaryView["sections"] }) {
  const { t } = useTranslation("observations");
  if (sections.length === 0) return <p>{t("summary.none")}</p>;
  return (
    <>
      {sections.map((section) => (
        <section key={section.code ?? "other"} aria-labelledby={`topic-${section.code ?? "other"}`}>
          <h3 id={`topic-${section.code ?? "other"}`}>{section.title ?? t("summary.otherTopics")}</h3>
          <ol className="summary-observations">
            {section.observations.map((observation) => (
              <li key={observation.number} id={observation.anchor} value={observation.number}>
                <p className="observation-body" dir="auto">
                  {observation.body}
                </p>
                <ObservationTags clusters={observation.clusters} articles={observation.articles} stakeholderKinds={observation.stakeholderKinds} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
