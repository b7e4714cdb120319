import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FollowedCountries } from "~/components/account/followed-countries";
import { MyRegistrations } from "~/components/dialogues/my-registrations";
import { ProfileSection } from "~/components/account/profile-section";
import { PasswordSection, SessionsSection } from "~/components/account/security-sections";
import { getAccountPageView, submitAccountForm } from "~/modules/auth/account-page.server";
import { requireUser } from "~/modules/auth/session.server";
import { CountryCode } from "~/modules/reviews/reviews.schema.server";
import { respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // What the last form did, said in the page the server sends (no JavaScript needed).
  const params = new URL(request.url).searchParams;
  const unfollowed = CountryCode.safeParse(params.get("unfollowed") ?? "");
  const view = await getAccountPageView(user.id, getRequestLocale(request), unfollowed.success ? unfollowed.data : null);
  return { ...view, saved: params.get("saved") === "profile" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return respond(await submitAccountForm(request, user.id));
}

export default function Account() {
  const { t } = useTranslation(["account", "auth", "common"]);
  const { account, countries, following, registrations, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) => (result && "errors" in result && result.intent === intent ? result.errors : undefined);
  const profileErrors = errorsFor("profile");
  const passwordErrors = errorsFor("password");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("signedInAs", { email: account.email })}</p>
      <dl className="details">
        <dt>{t("role")}</dt>
        <dd>{t(`common:roles.${account.role}`)}</dd>
        <dt>{t("emailStatus")}</dt>
        <dd>{account.email_verified ? t("verified") : t("unverified")}</dd>
      </dl>
      {!account.email_verified ? (
        <div className="alert alert--info">
          <p>{t("auth:verify.pending")}</p>
          {result && "resent" in result ? (
            <p role="status">{t("auth:verify.resent")}</p>
          ) : result && "formError" in result && result.intent === "resend-verification" ? (
            <p role="alert">{t(`common:${result.formError.key}`, result.formError.values)}</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="resend-verification" />
              <button type="submit">{t("auth:verify.resend")}</button>
            </Form>
          )}
        </div>
      ) : null}

      <ProfileSection account={account} countries={countries} errors={profileErrors} saved={saved} />

      <FollowedCountries countries={following.countries} unfollowed={following.unfollowed} failed={Boolean(errorsFor("unfollow"))} />

      <PasswordSection errors={passwordErrors} />

      <MyRegistrations registrations={registrations} />

      <SessionsSection />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "account:title");
