/**
 * The forms of the signed-out pages (sign in, sign up, forgotten password), each one workflow:
 * rate limits, the form, the account, the session; the route turns the outcome into a response.
 */
import { checkRateLimits, clearRateLimit, RATE_LIMITS } from "~/modules/rate-limit/rate-limit.server";
import { parseForm, type FieldError, type FieldErrors, type FormOutcome } from "~/utils/forms.server";
import { getPublicOrigin } from "~/utils/http.server";
import { isLocale, localePath, type Locale } from "~/utils/i18n";
import { getAccount, isSuspended, requestPasswordReset, signUp, verifyCredentials } from "./accounts.server";
import { ForgotPasswordForm, safeRedirect, SignInForm, SignUpForm } from "./auth.schema.server";
import { createUserSession } from "./session.server";

/**
 * Signs in from the form posted by `ip`: to `redirectTo` when it is safe, else the account page
 * in the member's own language. A suspended account is told so, after the password checks out.
 */
export async function signInFromForm(formData: FormData, ip: string, locale: Locale): Promise<FormOutcome> {
  const form = parseForm(formData, SignInForm);
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: form.values } };
  const { email, password, redirectTo } = form.data;
  const limited = await checkRateLimits([
    [RATE_LIMITS.signInPerIp, ip],
    [RATE_LIMITS.signInPerAccount, email],
  ]);
  if (limited) return limited;
  const userId = await verifyCredentials(email, password);
  if (!userId) return { kind: "reply", status: 400, body: { formError: { key: "auth:signIn.invalid" }, values: { email } } };
  if (await isSuspended(userId)) return { kind: "reply", status: 403, body: { formError: { key: "auth:signIn.suspended" }, values: { email } } };
  await clearRateLimit(RATE_LIMITS.signInPerAccount, email);
  const cookie = await createUserSession(userId);
  const account = await getAccount(userId);
  const home = localePath(isLocale(account.preferred_locale) ? account.preferred_locale : locale, "/account");
  return { kind: "redirect", to: safeRedirect(redirectTo, home), headers: { "Set-Cookie": cookie } };
}

/** What the sign-up form shows again: what was typed (never the password). */
export type SignUpReply = { errors?: FieldErrors; formError?: FieldError; values?: Record<string, string | undefined> };

/** Creates an account from the form posted by `ip` and signs it in, on to the account page. */
export async function signUpFromForm(formData: FormData, ip: string, locale: Locale): Promise<FormOutcome<SignUpReply>> {
  const limited = await checkRateLimits([[RATE_LIMITS.signUpPerIp, ip]]);
  if (limited) return limited;
  const form = parseForm(formData, SignUpForm);
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: form.values } };
  const outcome = await signUp(form.data, locale, getPublicOrigin());
  if (outcome === "email-taken") {
    const { password: _password, ...values } = form.data;
    return { kind: "reply", status: 400, body: { formError: { key: "auth:signUp.emailTaken" }, values } };
  }
  const cookie = await createUserSession(outcome.userId);
  return { kind: "redirect", to: localePath(locale, "/account"), headers: { "Set-Cookie": cookie } };
}

/** Sends a reset link from the form posted by `ip`; the answer is the same whether or not the address has an account. */
export async function requestResetFromForm(formData: FormData, ip: string, locale: Locale): Promise<FormOutcome<{ errors?: FieldErrors; formError?: FieldError; values?: Record<string, string> } | { sent: true }>> {
  const limited = await checkRateLimits([[RATE_LIMITS.resetPerIp, ip]]);
  if (limited) return limited;
  const form = parseForm(formData, ForgotPasswordForm);
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: form.values } };
  await requestPasswordReset(form.data.email, locale, getPublicOrigin());
  return { kind: "reply", status: 200, body: { sent: true } };
}
