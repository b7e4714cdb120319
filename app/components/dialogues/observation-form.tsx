import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/format";
import { FormAlert } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms.server";

import type { ObservationFormChoices, ObservationFormValues } from "~/modules/dialogues/observation-views.server";

const MAX_LENGTH = 5000;

function CheckboxGroup({ name, legend, options, checked, error }: { name: string; legend: string; options: Array<{ value: string; label: string }>; checked: string[]; error?: string }) {
  return (
    <fieldset className="checkbox-group checkbox-group--stacked" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} /> {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * One observation's fields, as a plain form post (it works without JavaScript). After a refused
 * post the fields come back as typed. No maxLength on the text: a browser would silently cut a
 * pasted text, where the server says how long it is instead.
 */
export function ObservationForm({
  values,
  errors,
  choices,
  mode,
  baseRevision,
  idPrefix = "",
}: {
  values: ObservationFormValues;
  errors?: FieldErrors;
  choices: ObservationFormChoices;
  mode: "create" | "update";
  baseRevision?: number;
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation("observations");
  const common = useTranslation("common").t;
  const message = (field: string) => (errors?.[field] ? t(errors[field]!.key, errors[field]!.values) : undefined);
  const bodyError = message("body");
  const articlesError = message("articles");
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <Form method="post" className="form form--wide" noValidate>
      <FormAlert errors={errors} message={message("form")} />
      {mode === "update" ? <input type="hidden" name="baseRevision" value={baseRevision} /> : null}
      <div className={`field${bodyError ? " field--invalid" : ""}`}>
        <label htmlFor={id("body")}>{t("editor.body")}</label>
        <p className="field__hint" id={id("body-hint")}>
          {t("editor.bodyHint", { max: formatNumber(MAX_LENGTH, i18n.language) })}
        </p>
        {bodyError ? (
          <p className="field__error" id={id("body-error")}>
            {bodyError}
          </p>
        ) : null}
        <textarea
          id={id("body")}
          name="body"
          rows={mode === "create" ? 6 : 10}
          defaultValue={values.body}
          required
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={[id("body-hint"), bodyError ? id("body-error") : null].filter(Boolean).join(" ")}
        />
      </div>
      {choices.topics.length ? (
        <CheckboxGroup name="topics" legend={t("editor.topics")} options={choices.topics.map((topic) => ({ value: topic.code, label: topic.title }))} checked={values.topics} error={message("topics")} />
      ) : (
        <p className="meta">{t("editor.noAgenda")}</p>
      )}
      <CheckboxGroup name="clusters" legend={t("editor.clusters")} options={choices.clusters.map((cluster) => ({ value: cluster.code, label: `${t("tags.cluster", { code: cluster.code })}: ${cluster.title}` }))} checked={values.clusters} error={message("clusters")} />
      <div className={`field${articlesError ? " field--invalid" : ""}`}>
        <label htmlFor={id("articles")}>
          {t("editor.articles")} <span className="field__optional">({common("form.optional")})</span>
        </label>
        <p className="field__hint" id={id("articles-hint")}>
          {t("editor.articlesHint")}
        </p>
        {articlesError ? (
          <p className="field__error" id={id("articles-error")}>
            {articlesError}
          </p>
        ) : null}
        <input
          id={id("articles")}
          name="articles"
          defaultValue={values.articles}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={articlesError ? true : undefined}
          aria-describedby={[id("articles-hint"), articlesError ? id("articles-error") : null].filter(Boolean).join(" ")}
        />
      </div>
      <CheckboxGroup
        name="stakeholderKinds"
        legend={t("editor.stakeholderKinds")}
        options={choices.kinds.map((kind) => ({ value: kind, label: common(`organizationKinds.${kind}`) }))}
        checked={values.stakeholderKinds}
        error={message("stakeholderKinds")}
      />
      <p className="button-row">
        {mode === "create" ? (
          <>
            <button type="submit" name="intent" value="create">
              {t("editor.saveDraft")}
            </button>
            <button type="submit" name="intent" value="create-publish">
              {t("editor.savePublish")}
            </button>
          </>
        ) : (
          <button type="submit" name="intent" value="update">
            {t("edit.save")}
          </button>
        )}
      </p>
    </Form>
  );
}
