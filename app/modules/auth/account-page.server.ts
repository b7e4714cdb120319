/**
 * The account page: what it shows (one view from the areas a member touches) and its forms, one
 * workflow for every intent, so the route stays guard → parse → one call → render.
 */
import { listCountries } from "~/modules/countries/countries.server";
import { listMemberRegistrations } from "~/modules/dialogues/queries.server";
import { hitRateLimit, RATE_LIMITS, tooManyRequests } from "~/modules/rate-limit/rate-limit.server";
import { getFollowingView, unfollowCountry } from "~/modules/reviews/follows.server";
import { UnfollowForm } from "~/modules/reviews/reviews.schema.server";
import { parseForm, type FieldError, type FieldErrors, type FormOutcome } from "~/utils/forms.server";
import { getPublicOrigin } from "~/utils/http.server";
import { localePath, type Locale } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { changePassword, getAccount, resendVerification, updateProfile } from "./accounts.server";
import { AccountIntent, ChangePasswordForm, ProfileForm } from "./auth.schema.server";
import { signOutEverywhere } from "./session.server";

/** The member's account, the countries they follow (`unfollowed`: the one they just left) and their dialogue registrations. */
export async function getAccountPageView(userId: string, locale: Locale, unfollowed: string | null) {
  const [account, following, registrations] = await Promise.all([getAccount(userId), getFollowingView(userId, locale, unfollowed), listMemberRegistrations(userId, locale)]);
  return {
    account: { ...account, email_verified: account.email_verified_at !== null, email_verified_at: undefined, created_at: undefined },
    countries: listCountries(locale),
    following,
    registrations,
  };
}

/** What the page shows again after a form: the intent it answers, and its errors or confirmation. */
export type AccountReply =
  | { intent: "profile" | "password" | "unfollow"; errors: FieldErrors }
  | { intent: "resend-verification" | null; formError: FieldError }
  | { intent: "resend-verification"; resent: true };

/** The account page's forms: profile, password, signing out everywhere, a new verification e-mail, unfollowing a country. */
export async function submitAccountForm(request: Request, userId: string): Promise<FormOutcome<AccountReply>> {
  const locale = getRequestLocale(request);
  const formData = await request.formData();
  const intent = AccountIntent.safeParse({ intent: formData.get("intent") });
  if (!intent.success) return { kind: "reply", status: 400, body: { intent: null, formError: { key: "errors.badRequestBody" } } };

  switch (intent.data.intent) {
    case "profile": {
      const form = parseForm(formData, ProfileForm);
      if (!form.ok) return { kind: "reply", status: 400, body: { intent: "profile", errors: form.errors } };
      await updateProfile(userId, form.data);
      // Saving a new preferred language takes the user to the account page in that language.
      return { kind: "redirect", to: `${localePath(form.data.preferredLocale, "/account")}?saved=profile` };
    }
    case "password": {
      const form = parseForm(formData, ChangePasswordForm);
      if (!form.ok) return { kind: "reply", status: 400, body: { intent: "password", errors: form.errors } };
      const changed = await changePassword(userId, form.data.currentPassword, form.data.password);
      if (!changed) return { kind: "reply", status: 400, body: { intent: "password", errors: { currentPassword: { key: "account:password.wrong" } } } };
      // Every session ended with the change, this one included: sign in again.
      return { kind: "redirect", to: `${localePath(locale, "/sign-in")}?changed=1` };
    }
    case "sign-out-everywhere": {
      const cookie = await signOutEverywhere(userId);
      return { kind: "redirect", to: localePath(locale, "/"), headers: { "Set-Cookie": cookie } };
    }
    case "resend-verification": {
      const { allowed, retryAfter } = await hitRateLimit(RATE_LIMITS.resendVerificationPerUser, userId);
      if (!allowed) {
        const refusal = tooManyRequests(retryAfter);
        return { ...refusal, body: { ...refusal.body, intent: "resend-verification" } };
      }
      await resendVerification(userId, getPublicOrigin());
      return { kind: "reply", status: 200, body: { intent: "resend-verification", resent: true } };
    }
    case "unfollow": {
      const form = parseForm(formData, UnfollowForm);
      if (!form.ok) return { kind: "reply", status: 400, body: { intent: "unfollow", errors: form.errors } };
      await unfollowCountry(userId, form.data.country);
      return { kind: "redirect", to: `${localePath(locale, "/account")}?unfollowed=${form.data.country}#following` };
    }
  }
}
