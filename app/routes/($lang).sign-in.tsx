import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, Notice, TextField } from "~/components/ui/form";
import { getAccount, isSuspended, verifyCredentials } from "~/modules/auth/accounts.server";
import { safeRedirect, SignInForm } from "~/modules/auth/auth.schema.server";
import { createUserSession, requireAnonymous } from "~/modules/auth/session.server";
import { clearRateLimit, RATE_LIMITS, checkRateLimits } from "~/modules/rate-limit/rate-limit.server";
import { parseForm, type FieldError } from "~/utils/forms.server";
import { isLocale, localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { passActionHeaders } from "~/utils/http";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request, getRequestLocale(request));
  // Where the member comes from, said in the page the server sends: a reset or a changed password.
  const params = new URL(request.url).searchParams;
  return { notice: params.get("reset") === "1" ? ("auth:reset.done" as const) : params.get("changed") === "1" ? ("account:password.changed" as const) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getRequestLocale(request);
  const form = parseForm(await request.formData(), SignInForm);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const { email, password, redirectTo } = form.data;
  const limited = await checkRateLimits([
    [RATE_LIMITS.signInPerIp, context.ip],
    [RATE_LIMITS.signInPerAccount, email],
  ]);
  if (limited) return limited;
  const userId = await verifyCredentials(email, password);
  if (!userId) {
    return data({ formError: { key: "auth:signIn.invalid" } as FieldError, values: { email } }, { status: 400 });
  }
  if (await isSuspended(userId)) {
    return data({ formError: { key: "auth:signIn.suspended" } as FieldError, values: { email } }, { status: 403 });
  }
  await clearRateLimit(RATE_LIMITS.signInPerAccount, email);
  const cookie = await createUserSession(userId);
  // Without an explicit destination, land on the account page in the user's own language.
  const account = await getAccount(userId);
  const home = localePath(isLocale(account.preferred_locale) ? account.preferred_locale : locale, "/account");
  return redirect(safeRedirect(redirectTo, home), { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const { t } = useTranslation(["auth", "account"]);
  const { to } = useLocale();
  const [searchParams] = useSearchParams();
  const { notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const formError = result && "formError" in result ? result.formError : undefined;
  const email = result && "values" in result ? result.values.email : undefined;
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      {notice && !result ? <Notice>{t(notice)}</Notice> : null}
      <Form method="post" className="form" noValidate>
        <FormAlert errors={errors} message={formError ? t(formError.key, formError.values) : undefined} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField name="email" type="email" autoComplete="email" label={t("fields.email")} error={errors?.email} defaultValue={email} />
        <TextField name="password" type="password" autoComplete="current-password" label={t("fields.password")} error={errors?.password} />
        <p>
          <button type="submit">{t("signIn.submit")}</button>
        </p>
        <p>
          <Link to={to("/forgot-password")}>{t("signIn.forgot")}</Link>
        </p>
        <p>
          {t("signIn.noAccount")} <Link to={to("/sign-up")}>{t("signUp.title")}</Link>
        </p>
      </Form>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth:signIn.title");

export const headers = passActionHeaders;
