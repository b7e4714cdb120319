import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, Notice, TextField } from "~/components/ui/form";
import { requestPasswordReset } from "~/modules/auth/accounts.server";
import { ForgotPasswordForm } from "~/modules/auth/auth.schema.server";
import { RATE_LIMITS, checkRateLimits } from "~/modules/rate-limit/rate-limit.server";
import { parseForm } from "~/utils/forms.server";
import { getPublicOrigin } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { passActionHeaders } from "~/utils/http";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function action({ request, context }: ActionFunctionArgs) {
  const limited = await checkRateLimits([[RATE_LIMITS.resetPerIp, context.ip]]);
  if (limited) return limited;
  const form = parseForm(await request.formData(), ForgotPasswordForm);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  // The answer is the same whether or not the address has an account.
  await requestPasswordReset(form.data.email, getRequestLocale(request), getPublicOrigin());
  return { sent: true as const };
}

export default function ForgotPassword() {
  const { t } = useTranslation("auth");
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const formError = result && "formError" in result ? result.formError : undefined;
  return (
    <>
      <h1>{t("forgot.title")}</h1>
      {result && "sent" in result ? (
        <Notice>{t("forgot.sent")}</Notice>
      ) : (
        <Form method="post" className="form" noValidate>
          <p>{t("forgot.intro")}</p>
          <FormAlert errors={errors} message={formError ? t(formError.key, formError.values) : undefined} />
          <TextField name="email" type="email" autoComplete="email" label={t("fields.email")} error={errors?.email} />
          <p>
            <button type="submit">{t("forgot.submit")}</button>
          </p>
        </Form>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth:forgot.title");

export const headers = passActionHeaders;
