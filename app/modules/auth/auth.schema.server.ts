import { z } from "zod";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import { LOCALES } from "~/utils/i18n";
import { text } from "~/utils/forms.server";

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

/** Only local paths may be redirected to after sign-in (no open redirects). */
export function safeRedirect(target: string | undefined | null, fallback: string) {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}

/** Which form of the account page was submitted. */
export const AccountIntent = z.object({ intent: z.enum(["profile", "password", "sign-out-everywhere", "resend-verification", "unfollow"]) });
