import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField, TextField } from "~/components/ui/form";
import { signUpFromForm } from "~/modules/auth/auth-forms.server";
import { ORGANIZATION_KINDS } from "~/modules/auth/vocabulary";
import { requireAnonymous } from "~/modules/auth/session.server";
import { listCountries } from "~/modules/countries/countries.server";
import { respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { passActionHeaders } from "~/utils/http";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getRequestLocale(request);
  await requireAnonymous(request, locale);
  return { countries: listCountries(locale) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getRequestLocale(request);
  await requireAnonymous(request, locale);
  return respond(await signUpFromForm(await request.formData(), context.ip, locale));
}

export default function SignUp() {
  const { t } = useTranslation(["auth", "common"]);
  const { to } = useLocale();
  const { countries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values: Record<string, string | undefined> = (result && "values" in result ? result.values : undefined) ?? {};
  const formError = result && "formError" in result ? result.formError : undefined;
  return (
    <>
      <h1>{t("signUp.title")}</h1>
      <p className="lead">{t("signUp.intro")}</p>
      <Form method="post" className="form" noValidate>
        <FormAlert errors={errors} message={formError ? t(formError.key, formError.values) : undefined} />
        <TextField name="email" type="email" autoComplete="email" label={t("fields.email")} error={errors?.email} defaultValue={values.email} maxLength={254} />
        <TextField
          name="password"
          type="password"
          autoComplete="new-password"
          label={t("fields.password")}
          hint={t("fields.passwordHint")}
          error={errors?.password}
          minLength={10}
          maxLength={200}
        />
        <TextField
          name="displayName"
          autoComplete="name"
          label={t("fields.displayName")}
          hint={t("fields.displayNameHint")}
          error={errors?.displayName}
          defaultValue={values.displayName}
          maxLength={120}
        />
        <TextField name="organizationName" autoComplete="organization" label={t("fields.organizationName")} error={errors?.organizationName} defaultValue={values.organizationName} maxLength={200} />
        <SelectField
          name="organizationKind"
          label={t("fields.organizationKind")}
          error={errors?.organizationKind}
          defaultValue={values.organizationKind ?? ""}
          options={[{ value: "", label: t("common:form.choose") }, ...ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`common:organizationKinds.${kind}`) }))]}
        />
        <SelectField
          name="country"
          label={t("fields.country")}
          optional
          error={errors?.country}
          defaultValue={values.country ?? ""}
          options={[{ value: "", label: t("fields.noCountry") }, ...countries.map((country) => ({ value: country.code, label: country.name }))]}
        />
        <p>
          <button type="submit">{t("signUp.submit")}</button>
        </p>
        <p>
          {t("signUp.haveAccount")} <Link to={to("/sign-in")}>{t("signIn.title")}</Link>
        </p>
      </Form>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth:signUp.title");

export const headers = passActionHeaders;
