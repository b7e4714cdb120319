import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DIGEST_FREQUENCIES, VISIBILITIES } from "../../../db/schema/hub";
import { FormAlert, Notice, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { LANGUAGES } from "~/modules/hub/languages";
import { languageName } from "~/utils/format";
import type { ProfileEditorView } from "~/modules/hub/profiles.server";
import type { VisibilityField } from "~/modules/hub/visibility.server";
import type { FieldErrors } from "~/utils/forms.server";
import { useLocale } from "~/utils/i18n-react";

type Labels = { instruments: Array<{ code: string; title: string }>; clusters: Array<{ code: string; title: string }> };

const VISIBILITY_FIELDS: VisibilityField[] = ["profile", "organization", "country", "languages", "expertise", "follows", "bio", "links", "certificates"];

function Checkboxes({ legend, name, options, checked }: { legend: string; name: string; options: Array<{ value: string; label: string }>; checked: string[] }) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} /> {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The hub profile as one plain form: what it says, who sees each part, and how often digests come. */
export function ProfileEditor({ profile, labels, errors, saved }: { profile: ProfileEditorView; labels: Labels; errors?: FieldErrors; saved: boolean }) {
  const { t } = useTranslation(["members", "common"]);
  const { locale, to } = useLocale();
  const collator = new Intl.Collator(locale);
  const languages = LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <Form method="post" className="form form--wide" noValidate>
      {saved ? <Notice>{t("editor.saved")}</Notice> : null}
      <FormAlert errors={errors} />
      <p>
        {t("editor.accountFields", { name: profile.displayName })} <Link to={to("/account")}>{t("editor.accountLink")}</Link>
      </p>
      <p>
        <Link to={to(`/hub/members/${profile.id}`)}>{t("editor.viewProfile")}</Link>
      </p>
      <TextField name="pseudonym" label={t("editor.pseudonym")} hint={t("editor.pseudonymHint")} optional defaultValue={profile.pseudonym} maxLength={80} error={errors?.pseudonym} />
      <TextAreaField name="bio" label={t("editor.bio")} hint={t("editor.bioHint")} optional defaultValue={profile.bio} maxLength={2000} rows={5} error={errors?.bio} />
      <Checkboxes legend={t("editor.languages")} name="languages" options={languages} checked={profile.languages} />
      <Checkboxes legend={t("editor.instruments")} name="expertiseInstruments" options={labels.instruments.map((item) => ({ value: item.code, label: item.title }))} checked={profile.instruments} />
      <Checkboxes legend={t("editor.clusters")} name="expertiseClusters" options={labels.clusters.map((item) => ({ value: item.code, label: item.title }))} checked={profile.clusters} />
      <TextField
        name="expertiseArticles"
        label={t("editor.articles")}
        hint={t("editor.articlesHint")}
        optional
        defaultValue={profile.articles}
        maxLength={500}
        autoCapitalize="none"
        spellCheck={false}
        error={errors?.expertiseArticles}
      />
      <fieldset>
        <legend>{t("editor.links")}</legend>
        <p className="field__hint">{t("editor.linksHint")}</p>
        {profile.links.map((link, index) => (
          <div key={index} className="two-col">
            <TextField name={`linkLabel${index}`} label={t("editor.linkLabel", { number: index + 1 })} optional defaultValue={link.label} maxLength={80} error={errors?.[`linkLabel${index}`]} />
            <TextField name={`linkUrl${index}`} type="url" label={t("editor.linkUrl", { number: index + 1 })} optional defaultValue={link.url} maxLength={500} placeholder="https://" error={errors?.[`linkUrl${index}`]} />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("editor.visibilityTitle")}</legend>
        <p className="field__hint">{t("editor.visibilityHint")}</p>
        <div className="visibility-grid">
          {VISIBILITY_FIELDS.map((field) => (
            <SelectField
              key={field}
              name={`${field}Visibility`}
              label={t(`editor.visibilityOf.${field}`)}
              defaultValue={profile.visibility[field]}
              error={errors?.[`${field}Visibility`]}
              options={VISIBILITIES.map((value) => ({ value, label: t(`visibility.${value}`) }))}
            />
          ))}
        </div>
      </fieldset>
      <SelectField
        name="digestFrequency"
        label={t("editor.digest")}
        hint={t("editor.digestHint")}
        defaultValue={profile.digestFrequency}
        error={errors?.digestFrequency}
        options={DIGEST_FREQUENCIES.map((value) => ({ value, label: t(`digest.${value}`) }))}
      />
      <p>
        <button type="submit">{t("editor.submit")}</button>
      </p>
      <p>
        <Link to={to("/account/data")}>{t("editor.dataLink")}</Link>
      </p>
    </Form>
  );
}
