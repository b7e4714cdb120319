import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, TextField } from "~/components/ui/form";
import { resetPassword } from "~/modules/auth/accounts.server";
import { ResetPasswordForm } from "~/modules/auth/auth.schema.server";
import { parseForm, type FieldError } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(await request.formData(), ResetPasswordForm);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const userId = await resetPassword(form.data.token, form.data.password);
  if (!userId) return data({ formError: { key: "auth:reset.invalidToken" } as FieldError }, { status: 400 });
  return redirect(`${localePath(getRequestLocale(request), "/sign-in")}?reset=1`);
}

export default function ResetPassword() {
  const { t } = useTranslation("auth");
  const { to } = useLocale();
  const [searchParams] = useSearchParams();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const formError = result && "formError" in result ? result.formError : undefined;
  const token = searchParams.get("token") ?? "";
  return (
    <>
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="form" noValidate>
        <FormAlert errors={errors} message={formError || errors?.token ? t("reset.invalidToken") : undefined} />
        <input type="hidden" name="token" value={token} />
        <TextField name="password" type="password" autoComplete="new-password" label={t("fields.newPassword")} hint={t("fields.passwordHint")} error={errors?.password} />
        <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t("fields.confirmPassword")} error={errors?.confirmPassword} />
        <p>
          <button type="submit">{t("reset.submit")}</button>
        </p>
        {formError ? (
          <p>
            <Link to={to("/forgot-password")}>{t("forgot.title")}</Link>
          </p>
        ) : null}
      </Form>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth:reset.title");
