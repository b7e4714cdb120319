import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, Notice, TextField } from "~/components/ui/form";
import { requestResetFromForm } from "~/modules/auth/auth-forms.server";
import { respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { passActionHeaders } from "~/utils/http";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function action({ request, context }: ActionFunctionArgs) {
  return respond(await requestResetFromForm(await request.formData(), context.ip, getRequestLocale(request)));
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
