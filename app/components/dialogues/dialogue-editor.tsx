import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms.server";
import { DIALOGUE_FORMATS as FORMATS, ORGANIZATION_KINDS as KINDS } from "~/modules/dialogues/vocabulary";
import { LOCALE_NAMES, LOCALES } from "~/utils/i18n";


/** The secretariat's dialogue form: shared fields plus the title and description in one language. */
export function DialogueEditor({ values, errors, courses }: { values: Record<string, string>; errors?: FieldErrors; courses: Array<{ slug: string; title: string }> }) {
  const { t } = useTranslation(["dialogues", "common"]);
  const kinds = new Set((values.eligibleKinds ?? KINDS.join(",")).split(",").filter(Boolean));
  return (
    <Form method="post" className="form form--wide" noValidate>
      <input type="hidden" name="intent" value="details" />
      <FormAlert errors={errors} />
      <fieldset>
        <legend>{t("admin.texts")}</legend>
        <SelectField name="locale" label={t("admin.locale")} defaultValue={values.locale ?? "en"} error={errors?.locale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} />
        <TextField name="title" label={t("admin.titleField")} defaultValue={values.title} error={errors?.title} maxLength={200} />
        <TextAreaField name="description" label={t("admin.description")} optional rows={5} defaultValue={values.description} error={errors?.description} maxLength={5000} />
        <TextField name="sessionTitle" label={t("admin.sessionTitle")} defaultValue={values.sessionTitle} error={errors?.sessionTitle} maxLength={200} />
      </fieldset>
      <fieldset>
        <legend>{t("admin.when")}</legend>
        <TextField name="sessionCode" label={t("admin.sessionCode")} hint={t("admin.sessionCodeHint")} defaultValue={values.sessionCode} error={errors?.sessionCode} maxLength={60} />
        <TextField name="timeZone" label={t("admin.timeZone")} hint={t("admin.timeZoneHint")} defaultValue={values.timeZone ?? "Europe/Vienna"} error={errors?.timeZone} maxLength={60} />
        <TextField name="startsAt" type="datetime-local" label={t("admin.startsAt")} defaultValue={values.startsAt} error={errors?.startsAt} />
        <TextField name="endsAt" type="datetime-local" label={t("admin.endsAt")} defaultValue={values.endsAt} error={errors?.endsAt} />
        <TextField name="registrationOpensAt" type="datetime-local" label={t("admin.registrationOpensAt")} optional defaultValue={values.registrationOpensAt} error={errors?.registrationOpensAt} />
        <TextField name="registrationClosesAt" type="datetime-local" label={t("admin.registrationClosesAt")} optional defaultValue={values.registrationClosesAt} error={errors?.registrationClosesAt} />
      </fieldset>
      <fieldset>
        <legend>{t("admin.where")}</legend>
        <SelectField name="format" label={t("admin.format")} defaultValue={values.format ?? "hybrid"} error={errors?.format} options={FORMATS.map((format) => ({ value: format, label: t(`formats.${format}`) }))} />
        <TextField name="venue" label={t("admin.venue")} optional defaultValue={values.venue} error={errors?.venue} maxLength={300} />
        <TextField name="onlineUrl" type="url" label={t("admin.onlineUrl")} hint={t("admin.onlineUrlHint")} optional defaultValue={values.onlineUrl} error={errors?.onlineUrl} maxLength={500} />
        <TextField name="capacityInPerson" type="number" min={0} label={t("admin.capacityInPerson")} defaultValue={values.capacityInPerson ?? "0"} error={errors?.capacityInPerson} />
        <TextField name="capacityOnline" type="number" min={0} label={t("admin.capacityOnline")} defaultValue={values.capacityOnline ?? "0"} error={errors?.capacityOnline} />
      </fieldset>
      <fieldset>
        <legend>{t("admin.eligibility")}</legend>
        <p>
          <input type="checkbox" id="approvalRequired" name="approvalRequired" defaultChecked={values.approvalRequired === "on"} /> <label htmlFor="approvalRequired">{t("admin.approvalRequired")}</label>
        </p>
        <fieldset className="checkbox-group">
          <legend>{t("admin.eligibleKinds")}</legend>
          {errors?.eligibleKinds ? <p className="field__error">{t(`common:${errors.eligibleKinds.key}`, errors.eligibleKinds.values)}</p> : null}
          {KINDS.map((kind) => (
            <label key={kind}>
              <input type="checkbox" name="eligibleKinds" value={kind} defaultChecked={kinds.has(kind)} /> {t(`kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <SelectField name="courseSlug" label={t("admin.course")} optional defaultValue={values.courseSlug ?? ""} error={errors?.courseSlug} options={[{ value: "", label: t("admin.noCourse") }, ...courses.map((course) => ({ value: course.slug, label: course.title }))]} />
        <SelectField
          name="courseRule"
          label={t("admin.courseRule")}
          optional
          defaultValue={values.courseRule ?? ""}
          error={errors?.courseRule}
          options={[{ value: "", label: t("admin.noCourse") }, { value: "required", label: t("admin.courseRequired") }, { value: "priority", label: t("admin.coursePriority") }]}
        />
      </fieldset>
      <p>
        <button type="submit">{t("admin.save")}</button>
      </p>
    </Form>
  );
}
