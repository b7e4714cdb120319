import { Form, Link } from "@remix-run/react";
import { useLocale } from "~/utils/i18n-react";
import { useTranslation } from "react-i18next";
import { FormAlert, Notice, SelectField, TextField } from "~/components/ui/form";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import type { FieldErrors } from "~/utils/forms.server";
import { LOCALE_NAMES, LOCALES } from "~/utils/i18n";

type Props = {
  account: { display_name: string; organization_name: string; organization_kind: string; country_code: string | null; preferred_locale: string };
  countries: Array<{ code: string; name: string }>;
  errors: FieldErrors | undefined;
  /** The profile was just saved. */
  saved: boolean;
};

/** The member's profile as a plain form; saving it in another language opens the page in that language. */
export function ProfileSection({ account, countries, errors, saved }: Props) {
  const { t } = useTranslation(["account", "auth", "common"]);
  const { to } = useLocale();
  return (
    <section className="section" aria-labelledby="profile">
      <h2 id="profile">{t("profile.title")}</h2>
      {saved ? <Notice>{t("profile.saved")}</Notice> : null}
      <p>
        <Link to={to("/account/profile")}>{t("profile.hubLink")}</Link>
      </p>
      <Form method="post" className="form" noValidate>
        <FormAlert errors={errors} />
        <input type="hidden" name="intent" value="profile" />
        <TextField name="displayName" label={t("auth:fields.displayName")} hint={t("auth:fields.displayNameHint")} defaultValue={account.display_name} error={errors?.displayName} maxLength={120} />
        <TextField name="organizationName" label={t("auth:fields.organizationName")} defaultValue={account.organization_name} error={errors?.organizationName} maxLength={200} />
        <SelectField
          name="organizationKind"
          label={t("auth:fields.organizationKind")}
          defaultValue={account.organization_kind}
          error={errors?.organizationKind}
          options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`common:organizationKinds.${kind}`) }))}
        />
        <SelectField
          name="country"
          label={t("auth:fields.country")}
          optional
          defaultValue={account.country_code ?? ""}
          error={errors?.country}
          options={[{ value: "", label: t("auth:fields.noCountry") }, ...countries.map((country) => ({ value: country.code, label: country.name }))]}
        />
        <SelectField
          name="preferredLocale"
          label={t("profile.preferredLocale")}
          defaultValue={account.preferred_locale}
          error={errors?.preferredLocale}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
        />
        <p>
          <button type="submit">{t("profile.submit")}</button>
        </p>
      </Form>
    </section>
  );
}
