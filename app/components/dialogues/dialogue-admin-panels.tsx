import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/ui/form";
import { STANDARD_TOPICS } from "~/modules/dialogues/vocabulary";
import { CLUSTERS } from "~/modules/treaty/vocabulary";
import type { FieldErrors } from "~/utils/forms.server";
import { useTopicTitle, type AgendaItem } from "./dialogue-details";


/** The state buttons: only the changes allowed from the current state. */
export function StatePanel({ state, nextStates }: { state: string; nextStates: string[] }) {
  const { t } = useTranslation("dialogues");
  return (
    <section aria-labelledby="state">
      <h2 id="state">{t("details.state")}</h2>
      <p>{t("admin.currentState", { state: t(`states.${state}`) })}</p>
      {nextStates.map((next) => (
        <Form method="post" key={next} className="inline-form">
          <input type="hidden" name="intent" value="state" />
          <input type="hidden" name="state" value={next} />
          <button type="submit" className="button--secondary">
            {t(`admin.toState.${next}`)}
          </button>
        </Form>
      ))}
    </section>
  );
}

/** The agenda: the topics with a remove button each, and a form to add one. */
export function AgendaPanel({ topics, errors, values }: { topics: AgendaItem[]; errors?: FieldErrors; values?: Record<string, string> }) {
  const { t } = useTranslation(["dialogues", "library"]);
  const topicTitle = useTopicTitle();
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{t("agenda.title")}</h2>
      <ol>
        {topics.map((topic) => (
          <li key={topic.code}>
            {topicTitle(topic)} {topic.clusters.map((cluster) => t("library:clusterLabel", { code: cluster })).join(", ")} {topic.articles.join(", ")}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="remove-topic" />
              <input type="hidden" name="code" value={topic.code} />
              <button type="submit" className="button--small button--secondary">
                {t("admin.removeTopic")}
                <span className="visually-hidden">: {topicTitle(topic)}</span>
              </button>
            </Form>
          </li>
        ))}
      </ol>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="add-topic" />
        <h3>{t("admin.addTopic")}</h3>
        <TextField
          name="code"
          label={t("admin.topicCode")}
          hint={t("admin.topicCodeHint", { codes: STANDARD_TOPICS.join(", ") })}
          defaultValue={values?.code}
          error={errors?.code}
          maxLength={60}
          list="standard-topics"
        />
        <datalist id="standard-topics">
          {STANDARD_TOPICS.map((code) => (
            <option key={code} value={code}>
              {t(`topics.${code}`)}
            </option>
          ))}
        </datalist>
        <TextField name="title" label={t("admin.topicTitle")} hint={t("admin.topicTitleHint")} optional defaultValue={values?.title} error={errors?.title} maxLength={300} />
        <fieldset className="checkbox-group">
          <legend>{t("admin.topicClusters")}</legend>
          {CLUSTERS.map((cluster) => (
            <label key={cluster}>
              <input type="checkbox" name="clusters" value={cluster} /> {t("library:clusterLabel", { code: cluster })}
            </label>
          ))}
        </fieldset>
        <TextField name="articles" label={t("admin.topicArticles")} hint={t("library:admin.articlesHint")} optional defaultValue={values?.articles} error={errors?.articles} />
        <p>
          <button type="submit">{t("admin.addTopic")}</button>
        </p>
      </Form>
    </section>
  );
}

/** The dialogue's facilitators: remove one, or assign an account with the facilitator role. */
export function FacilitatorsPanel({ facilitators, candidates }: { facilitators: Array<{ id: string; name: string }>; candidates: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation("dialogues");
  return (
    <section aria-labelledby="facilitators">
      <h2 id="facilitators">{t("admin.facilitators")}</h2>
      {facilitators.length === 0 ? <p>{t("admin.noFacilitators")}</p> : null}
      <ul>
        {facilitators.map((facilitator) => (
          <li key={facilitator.id}>
            {facilitator.name}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="remove-facilitator" />
              <input type="hidden" name="userId" value={facilitator.id} />
              <button type="submit" className="button--small button--secondary">
                {t("admin.removeFacilitator")}
                <span className="visually-hidden">: {facilitator.name}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {candidates.length ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="add-facilitator" />
          <SelectField name="userId" label={t("admin.assignFacilitator")} options={candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))} />
          <p>
            <button type="submit">{t("admin.assign")}</button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}
