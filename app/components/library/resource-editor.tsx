import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField, TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms.server";
import { LOCALE_NAMES, LOCALES } from "~/utils/i18n";
import { RESOURCE_TYPES } from "../../../db/schema/library";

export type ResourceEditorValues = Record<string, string>;

const CHECKBOX_GROUPS = {
  instruments: ["untoc", "tip", "som", "firearms"],
  clusters: ["I", "II", "III", "IV"],
  stages: ["focal_points", "initial_consultation", "saq", "written_feedback", "list_of_observations", "completed"],
  audiences: ["government", "ngo", "academia", "private_sector", "igo", "general"],
} as const;

/** The secretariat's resource form: shared fields plus one language edition, and a file. */
export function ResourceEditor({
  values,
  errors,
  labels,
  currentFile,
}: {
  values: ResourceEditorValues;
  errors?: FieldErrors;
  labels: { stages: Record<string, string>; instruments: Record<string, string> };
  currentFile?: string | null;
}) {
  const { t } = useTranslation("library");
  const selected = (name: string) => new Set((values[name] ?? "").split(/[\s,]+/).filter(Boolean));
  const optionLabel = (group: keyof typeof CHECKBOX_GROUPS, value: string) =>
    group === "instruments" ? (labels.instruments[value] ?? value) : group === "stages" ? (labels.stages[value] ?? value) : group === "clusters" ? t("clusterLabel", { code: value }) : t(`audiences.${value}`);
  return (
    <Form method="post" encType="multipart/form-data" className="form form--wide" noValidate>
      <FormAlert errors={errors} message={errors?.form ? t(errors.form.key.replace("library:", "")) : undefined} />
      <fieldset>
        <legend>{t("admin.shared")}</legend>
        <TextField name="slug" label={t("admin.slug")} hint={t("admin.slugHint")} defaultValue={values.slug} error={errors?.slug} maxLength={120} />
        <SelectField name="type" label={t("admin.type")} defaultValue={values.type ?? ""} error={errors?.type} options={RESOURCE_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))} />
        <TextField name="publishedOn" type="date" label={t("admin.publishedOn")} defaultValue={values.publishedOn} error={errors?.publishedOn} />
        <TextField name="issuingBody" label={t("admin.issuingBody")} defaultValue={values.issuingBody} error={errors?.issuingBody} maxLength={200} />
        <TextField name="symbol" label={t("admin.symbol")} optional defaultValue={values.symbol} error={errors?.symbol} maxLength={80} />
        <TextField name="country" label={t("admin.country")} optional defaultValue={values.country} error={errors?.country} maxLength={3} />
        <TextField name="supersedes" label={t("admin.supersedes")} optional defaultValue={values.supersedes} error={errors?.supersedes} maxLength={120} />
        {(Object.keys(CHECKBOX_GROUPS) as Array<keyof typeof CHECKBOX_GROUPS>).map((group) => (
          <fieldset key={group} className="checkbox-group">
            <legend>{t(`admin.${group}`)}</legend>
            {errors?.[group] ? <p className="field__error">{t(errors[group]!.key, errors[group]!.values)}</p> : null}
            {CHECKBOX_GROUPS[group].map((value) => (
              <label key={value}>
                <input type="checkbox" name={group} value={value} defaultChecked={selected(group).has(value)} /> {optionLabel(group, value)}
              </label>
            ))}
          </fieldset>
        ))}
        <TextField name="articles" label={t("admin.articles")} hint={t("admin.articlesHint")} optional defaultValue={values.articles} error={errors?.articles} />
      </fieldset>
      <fieldset>
        <legend>{t("admin.edition")}</legend>
        <SelectField name="locale" label={t("admin.editionLocale")} defaultValue={values.locale ?? "en"} error={errors?.locale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} />
        <TextField name="title" label={t("admin.editionTitle")} defaultValue={values.title} error={errors?.title} maxLength={300} />
        <div className={`field${errors?.summary ? " field--invalid" : ""}`}>
          <label htmlFor="summary">{t("admin.summary")}</label>
          {errors?.summary ? <p className="field__error" id="summary-error">{t(errors.summary.key, errors.summary.values)}</p> : null}
          <textarea id="summary" name="summary" rows={3} maxLength={1000} defaultValue={values.summary} aria-describedby={errors?.summary ? "summary-error" : undefined} required />
        </div>
        <div className="field">
          <label htmlFor="body">{t("admin.body")}</label>
          <textarea id="body" name="body" rows={10} defaultValue={values.body} />
        </div>
        <TextField name="externalUrl" type="url" label={t("admin.externalUrl")} optional defaultValue={values.externalUrl} error={errors?.externalUrl} />
        <div className={`field${errors?.file ? " field--invalid" : ""}`}>
          <label htmlFor="file">{t("admin.file")}</label>
          {currentFile ? <p className="field__hint">{t("admin.currentFile", { name: currentFile })}</p> : null}
          {errors?.file ? <p className="field__error" id="file-error">{t(errors.file.key.replace("library:", ""))}</p> : null}
          <input id="file" name="file" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.epub,.txt" aria-describedby={errors?.file ? "file-error" : undefined} />
        </div>
      </fieldset>
      <p>
        <button type="submit">{t("admin.save")}</button>
      </p>
    </Form>
  );
}
