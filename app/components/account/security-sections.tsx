/** The account page's security sections: changing the password, and signing out on every device. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms.server";

export function PasswordSection({ errors: passwordErrors }: { errors: FieldErrors | undefined }) {
  const { t } = useTranslation(["account", "auth", "common"]);
  return (
    <section className="section" aria-labelledby="password">
      <h2 id="password">{t("password.title")}</h2>
      <Form method="post" className="form" noValidate>
        <FormAlert errors={passwordErrors} />
        <input type="hidden" name="intent" value="password" />
        <TextField name="currentPassword" type="password" autoComplete="current-password" label={t("password.current")} error={passwordErrors?.currentPassword} />
        <TextField name="password" type="password" autoComplete="new-password" label={t("auth:fields.newPassword")} hint={t("auth:fields.passwordHint")} error={passwordErrors?.password} />
        <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t("auth:fields.confirmPassword")} error={passwordErrors?.confirmPassword} />
        <p>
          <button type="submit">{t("password.submit")}</button>
        </p>
      </Form>
    </section>
  );
}

export function SessionsSection() {
  const { t } = useTranslation(["account", "auth", "common"]);
  return (
    <section className="section" aria-labelledby="sessions">
      <h2 id="sessions">{t("sessions.title")}</h2>
      <p>{t("sessions.intro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit">{t("sessions.signOutEverywhere")}</button>
      </Form>
    </section>
  );
}
