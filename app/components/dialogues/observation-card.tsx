import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EditorView } from "~/modules/dialogues/observation-views.server";
import { useLocale } from "~/utils/i18n-react";
import { ObservationTags } from "./observation-tags";

type Observation = EditorView["observations"][number];

/** A small form with one button: a real post, so it works without JavaScript. */
function ActionButton({ intent, observationId, label, about, extra }: { intent: string; observationId: number; label: string; about: string; extra?: Record<string, string> }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="observationId" value={observationId} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">
        {label}
        <span className="visually-hidden"> ({about})</span>
      </button>
    </Form>
  );
}

/** One observation in the facilitator's list, with its buttons: edit, publish, move, merge into another. */
export function ObservationCard({ observation, others, dialogueId }: { observation: Observation; others: Array<{ id: number; number: number }>; dialogueId: number }) {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const about = t("editor.about", { number: observation.number });
  return (
    <li id={`obs-${observation.id}`} className={`observation-card observation-card--${observation.status}`}>
      <h3 className="observation-card__heading">
        {t("editor.number", { number: observation.number })} <span className={`badge badge--${observation.status}`}>{t(observation.status === "published" ? "editor.published" : "editor.draft")}</span>
      </h3>
      <p className="observation-body">{observation.body}</p>
      <ObservationTags topics={observation.topics} clusters={observation.clusters} articles={observation.articles} stakeholderKinds={observation.stakeholderKinds} />
      <p className="meta">{t("editor.updated", { date: observation.updated })}</p>
      <div className="observation-card__actions">
        <Link to={to(`/dialogues/${dialogueId}/observations/${observation.id}`)}>
          {t("editor.edit")}
          <span className="visually-hidden"> ({about})</span>
        </Link>
        <ActionButton intent={observation.status === "published" ? "unpublish" : "publish"} observationId={observation.id} label={t(observation.status === "published" ? "editor.unpublish" : "editor.publish")} about={about} />
        {observation.first ? null : <ActionButton intent="move" observationId={observation.id} label={t("editor.moveUp")} about={about} extra={{ direction: "up" }} />}
        {observation.last ? null : <ActionButton intent="move" observationId={observation.id} label={t("editor.moveDown")} about={about} extra={{ direction: "down" }} />}
      </div>
      {others.length ? (
        <Form method="post" className="merge-form">
          <input type="hidden" name="intent" value="merge" />
          <input type="hidden" name="observationId" value={observation.id} />
          <label htmlFor={`merge-${observation.id}`}>
            {t("editor.mergeInto")}
            <span className="visually-hidden"> ({about})</span>
          </label>
          <select id={`merge-${observation.id}`} name="targetId" defaultValue="">
            <option value="" disabled>
              {t("editor.chooseObservation")}
            </option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {t("editor.number", { number: other.number })}
              </option>
            ))}
          </select>
          <button type="submit">
            {t("editor.merge")}
            <span className="visually-hidden"> ({about})</span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}
