import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import type { PostFormOptions } from "~/modules/hub/queries.server";
import type { FieldError, FieldErrors } from "~/utils/forms.server";
import { LOCALE_NAMES, LOCALES } from "~/utils/i18n";

const KINDS = ["news", "event", "question", "resource"] as const;

type Props = {
  options: PostFormOptions;
  values: Record<string, string>;
  errors?: FieldErrors;
  formError?: FieldError;
  submitLabel: string;
  cancelHref: string;
};

/** The post form, for a new post and for editing one; refilled with what was typed when refused. */
export function PostForm({ options, values, errors, formError, submitLabel, cancelHref }: Props) {
  const { t } = useTranslation(["hub", "common"]);
  const checked = (name: string, value: string) => (values[name] ?? "").split(",").includes(value);
  const checkboxes = (name: "instruments" | "clusters", items: Array<{ value: string; label: string }>) => (
    <fieldset className="checkbox-group">
      <legend>{t(`form.${name}`)}</legend>
      {errors?.[name] ? <p className="field__error">{t(errors[name].key, errors[name].values)}</p> : null}
      {items.map((item) => (
        <label key={item.value}>
          <input type="checkbox" name={name} value={item.value} defaultChecked={checked(name, item.value)} /> {name === "clusters" ? `${t("tags.cluster", { code: item.value })}: ${item.label}` : item.label}
        </label>
      ))}
    </fieldset>
  );
  return (
    <Form method="post" className="form" noValidate>
      <FormAlert errors={errors} message={formError ? t(formError.key, formError.values) : undefined} />
      <SelectField name="kind" label={t("form.kind")} error={errors?.kind} defaultValue={values.kind ?? "news"} options={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
      <TextField name="title" label={t("form.title")} error={errors?.title} defaultValue={values.title} maxLength={200} />
      <TextAreaField name="body" label={t("form.body")} hint={t("markdownHint")} error={errors?.body} defaultValue={values.body} rows={12} />
      <SelectField name="locale" label={t("form.locale")} error={errors?.locale} defaultValue={values.locale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} />
      <fieldset>
        <legend>{t("form.tagsLegend")}</legend>
        {checkboxes("instruments", options.instruments)}
        {checkboxes("clusters", options.clusters)}
        <TextField name="articles" label={t("form.articles")} hint={t("form.articlesHint")} error={errors?.articles} defaultValue={values.articles} optional autoCapitalize="none" spellCheck={false} />
        <TextField name="countries" label={t("form.countries")} hint={t("form.countriesHint")} error={errors?.countries} defaultValue={values.countries} optional autoCapitalize="characters" spellCheck={false} />
        <TextField name="tags" label={t("form.tags")} hint={t("form.tagsHint")} error={errors?.tags} defaultValue={values.tags} optional />
      </fieldset>
      <fieldset>
        <legend>{t("form.eventLegend")}</legend>
        <TextField name="startsAt" type="datetime-local" label={t("form.startsAt")} error={errors?.startsAt} defaultValue={values.startsAt} optional />
        <TextField name="endsAt" type="datetime-local" label={t("form.endsAt")} error={errors?.endsAt} defaultValue={values.endsAt} optional />
        <TextField name="timeZone" label={t("form.timeZone")} hint={t("form.timeZoneHint")} error={errors?.timeZone} defaultValue={values.timeZone} optional />
        <TextField name="place" label={t("form.place")} error={errors?.place} defaultValue={values.place} optional maxLength={300} />
      </fieldset>
      <fieldset>
        <legend>{t("form.resourceLegend")}</legend>
        <TextField name="resourceUrl" type="url" label={t("form.resourceUrl")} error={errors?.resourceUrl} defaultValue={values.resourceUrl} optional />
      </fieldset>
      <p className="button-row">
        <button type="submit">{submitLabel}</button>
        <Link to={cancelHref}>{t("form.cancel")}</Link>
      </p>
    </Form>
  );
}
