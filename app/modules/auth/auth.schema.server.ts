import { z } from "zod";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import { LOCALES } from "~/utils/i18n";
import { text } from "~/utils/forms.server";

/** The kinds of organization a member may name (a select's options on the sign-up and account pages). */
export { ORGANIZATION_KINDS };

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const NewPassword = z.string().min(10).max(200);

const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/)
  .optional()
  .or(z.literal("").transform(() => undefined));

export const SignUpForm = z.object({
  email: Email,
  password: NewPassword,
  displayName: text(120),
  organizationName: text(200),
  organizationKind: z.enum(ORGANIZATION_KINDS),
  country: CountryCode,
});
export type SignUpForm = z.infer<typeof SignUpForm>;

export const SignInForm = z.object({
  email: Email,
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordForm = z.object({ email: Email });

export const ResetPasswordForm = z
  .object({ token: z.string().min(10).max(100), password: NewPassword, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "errors.passwordsDiffer" });

export const ProfileForm = z.object({
  intent: z.literal("profile"),
  displayName: text(120),
  organizationName: text(200),
  organizationKind: z.enum(ORGANIZATION_KINDS),
  country: CountryCode,
  preferredLocale: z.enum(LOCALES),
});

export const ChangePasswordForm = z
  .object({ intent: z.literal("password"), currentPassword: z.string().min(1).max(200), password: NewPassword, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "errors.passwordsDiffer" });

/**
 * Only local paths may be redirected to after sign-in (no open redirects). Browsers drop tabs and
 * line breaks from URLs and read a backslash as a slash, so `/\t/evil.com` or `/\\evil.com` would
 * become `//evil.com`: any control character or backslash is refused, and what is left must
 * resolve to this origin.
 */
export function safeRedirect(target: string | undefined | null, fallback: string) {
  if (!target || !target.startsWith("/") || target.startsWith("//")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  const base = "http://agora.invalid";
  try {
    if (new URL(target, base).origin !== base) return fallback;
  } catch {
    return fallback;
  }
  return target;
}

/** Which form of the account page was submitted. */
export const AccountIntent = z.object({ intent: z.enum(["profile", "password", "sign-out-everywhere", "resend-verification", "unfollow"]) });
