import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";
import { FormAlert, TextField } from "~/components/ui/form";
import { clearSessionCookie, requireUser } from "~/modules/auth/session.server";
import { eraseAccount } from "~/modules/hub/account-data.server";
import { DeleteAccountForm } from "~/modules/hub/members.schema.server";
import { parseForm, type FieldErrors } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["members", "account"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(await request.formData(), DeleteAccountForm);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  if ((await eraseAccount(user.id, form.data.password)) === "wrongPassword") {
    return data({ errors: { password: { key: "members:errors.wrongPassword" } } as FieldErrors }, { status: 400 });
  }
  // The sessions are gone with the account; the browser's cookie goes too.
  const cookie = clearSessionCookie();
  return redirect(`${localePath(getRequestLocale(request), "/")}?erased=1`, { headers: { "Set-Cookie": cookie } });
}

export default function AccountData() {
  const { t } = useTranslation("members");
  const result = useActionData<typeof action>();
  const { to } = useLocale();
  return (
    <>
      <h1>{t("data.title")}</h1>
      <section className="section" aria-labelledby="export">
        <h2 id="export">{t("data.exportTitle")}</h2>
        <p>{t("data.exportIntro")}</p>
        <p>
          <a href="/account/data.json" download>
            {t("data.download")}
          </a>
        </p>
      </section>
      <section className="section" aria-labelledby="erase">
        <h2 id="erase">{t("data.eraseTitle")}</h2>
        <p>{t("data.eraseIntro")}</p>
        <ul>
          <li>{t("data.eraseGone")}</li>
          <li>{t("data.erasePosts")}</li>
          <li>{t("data.eraseRegistrations")}</li>
        </ul>
        <Form method="post" className="form" noValidate>
          <FormAlert errors={result?.errors} />
          <TextField name="password" type="password" autoComplete="current-password" label={t("data.password")} error={result?.errors.password} />
          <div className={`field${result?.errors.confirm ? " field--invalid" : ""}`}>
            {result?.errors.confirm ? (
              <p id="confirm-error" className="field__error">
                {t("errors.confirmDeletion")}
              </p>
            ) : null}
            <label>
              <input type="checkbox" name="confirm" aria-describedby={result?.errors.confirm ? "confirm-error" : undefined} /> {t("data.confirm")}
            </label>
          </div>
          <p>
            <button type="submit">{t("data.eraseSubmit")}</button>
          </p>
        </Form>
        <p>
          <Link to={to("/account/profile")}>{t("data.back")}</Link>
        </p>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "members:data.title");
