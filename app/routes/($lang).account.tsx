import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FollowedCountries } from "~/components/account/followed-countries";
import { MyRegistrations } from "~/components/dialogues/my-registrations";
import { ProfileSection } from "~/components/account/profile-section";
import { PasswordSection, SessionsSection } from "~/components/account/security-sections";
import { changePassword, getAccount, resendVerification, updateProfile } from "~/modules/auth/accounts.server";
import { AccountIntent, ChangePasswordForm, ProfileForm } from "~/modules/auth/auth.schema.server";
import { requireUser, signOutEverywhere } from "~/modules/auth/session.server";
import { listCountries } from "~/modules/countries/countries.server";
import { listMemberRegistrations } from "~/modules/dialogues/queries.server";
import { getFollowingView, unfollowCountry } from "~/modules/reviews/follows.server";
import { CountryCode, UnfollowForm } from "~/modules/reviews/reviews.schema.server";
import { parseForm, type FieldError, type FieldErrors } from "~/utils/forms.server";
import { getPublicOrigin } from "~/utils/http.server";
import { hitRateLimit, RATE_LIMITS } from "~/modules/rate-limit/rate-limit.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = getRequestLocale(request);
  // What the last form did, said in the page the server sends (no JavaScript needed).
  const params = new URL(request.url).searchParams;
  const unfollowed = CountryCode.safeParse(params.get("unfollowed") ?? "");
  const [account, following, registrations] = await Promise.all([
    getAccount(user.id),
    getFollowingView(user.id, locale, unfollowed.success ? unfollowed.data : null),
    listMemberRegistrations(user.id, locale),
  ]);
  return {
    account: { ...account, email_verified: account.email_verified_at !== null, email_verified_at: undefined, created_at: undefined },
    countries: listCountries(locale),
    following,
    registrations,
    saved: params.get("saved") === "profile",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const locale = getRequestLocale(request);
  const formData = await request.formData();
  const intent = AccountIntent.safeParse({ intent: formData.get("intent") });
  if (!intent.success) return data({ intent: null, formError: { key: "errors.badRequestBody" } as FieldError }, { status: 400 });

  switch (intent.data.intent) {
    case "profile": {
      const form = parseForm(formData, ProfileForm);
      if (!form.ok) return data({ intent: "profile" as const, errors: form.errors }, { status: 400 });
      await updateProfile(user.id, form.data);
      // Saving a new preferred language takes the user to the account page in that language.
      return redirect(`${localePath(form.data.preferredLocale, "/account")}?saved=profile`);
    }
    case "password": {
      const form = parseForm(formData, ChangePasswordForm);
      if (!form.ok) return data({ intent: "password" as const, errors: form.errors }, { status: 400 });
      const changed = await changePassword(user.id, form.data.currentPassword, form.data.password);
      if (!changed) return data({ intent: "password" as const, errors: { currentPassword: { key: "account:password.wrong" } } as FieldErrors }, { status: 400 });
      // Every session ended with the change, this one included: sign in again.
      return redirect(`${localePath(locale, "/sign-in")}?changed=1`);
    }
    case "sign-out-everywhere": {
      const cookie = await signOutEverywhere(user.id);
      return redirect(localePath(locale, "/"), { headers: { "Set-Cookie": cookie } });
    }
    case "resend-verification": {
      const { allowed, retryAfter } = await hitRateLimit(RATE_LIMITS.resendVerificationPerUser, user.id);
      if (!allowed) {
        const formError: FieldError = { key: "errors.tooManyRequests", values: { minutes: Math.ceil(retryAfter / 60) } };
        return data({ intent: "resend-verification" as const, formError }, { status: 429, headers: { "Retry-After": String(retryAfter) } });
      }
      await resendVerification(user.id, getPublicOrigin());
      return { intent: "resend-verification" as const, resent: true };
    }
    case "unfollow": {
      const form = parseForm(formData, UnfollowForm);
      if (!form.ok) return data({ intent: "unfollow" as const, errors: form.errors }, { status: 400 });
      await unfollowCountry(user.id, form.data.country);
      return redirect(`${localePath(locale, "/account")}?unfollowed=${form.data.country}#following`);
    }
  }
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
