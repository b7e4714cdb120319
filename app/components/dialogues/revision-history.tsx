import { useTranslation } from "react-i18next";
import type { ObservationView } from "~/modules/dialogues/observation-views.server";
import { ObservationTags } from "./observation-tags";

/** Every saved state of an observation, newest first: when, who, what happened, and what it said then. */
export function RevisionHistory({ revisions }: { revisions: ObservationView["revisions"] }) {
  const { t } = useTranslation("observations");
  return (
    <ol className="revision-list" reversed>
      {revisions.map((revision) => (
        <li key={revision.id} className="revision">
          <p className="revision__heading">
            <strong>{t(`edit.notes.${revision.note}`)}</strong> · {revision.at} · {revision.by ?? t("edit.unknownEditor")} · {t(revision.status === "published" ? "editor.published" : "editor.draft")}
          </p>
          <details>
            <summary>{t("edit.showText")}</summary>
            <p className="observation-body">{revision.body}</p>
            <ObservationTags topics={revision.topics} clusters={revision.clusters} articles={revision.articles} stakeholderKinds={revision.stakeholderKinds} />
          </details>
        </li>
      ))}
    </ol>
  );
}
