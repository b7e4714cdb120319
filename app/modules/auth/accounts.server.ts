import { generateIdFromEntropySize } from "lucia";
import type { Role } from "../../../db/schema";
import { sendJob } from "~/modules/jobs/jobs.server";
import { queueMail } from "~/modules/mail/mail.server";
import { getDb, type Executor } from "~/utils/db.server";
import { getFixedT } from "~/utils/i18n.server";
import { isLocale, localePath, type Locale } from "~/utils/i18n";
import type { SignUpForm } from "./auth.schema.server";
import { getDecoyHash, hashPassword, verifyPassword } from "./password.server";
import { consumeToken, issueToken } from "./tokens.server";
import { getLucia } from "./lucia.server";

function absoluteUrl(origin: string, locale: Locale, path: string) {
  return new URL(localePath(locale, path), origin).toString();
}

async function afterCommit(mails: Array<{ id: number; needsDelivery: boolean }>) {
  for (const mail of mails) if (mail.needsDelivery) await sendJob("mail.deliver", { id: mail.id }).catch(() => {});
}

export async function findUserIdByEmail(email: string, executor: Executor = getDb()) {
  const row = await executor.selectFrom("app_user").select("id").where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase())).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Creates a member account and e-mails a verification link. Resolves "email-taken" when the
 * address already has an account (the page says so: sign-up cannot hide it without a mail round trip).
 */
export async function signUp(form: SignUpForm, locale: Locale, origin: string): Promise<{ userId: string } | "email-taken"> {
  const passwordHash = await hashPassword(form.password);
  const t = await getFixedT(locale, "auth");
  const outcome = await getDb().transaction().execute(async (trx) => {
    if (await findUserIdByEmail(form.email, trx)) return "email-taken" as const;
    const userId = generateIdFromEntropySize(10);
    await trx
      .insertInto("app_user")
      .values({
        id: userId,
        email: form.email,
        password_hash: passwordHash,
        display_name: form.displayName,
        organization_name: form.organizationName,
        organization_kind: form.organizationKind,
        country_code: form.country ?? null,
        preferred_locale: locale,
      })
      .execute();
    const token = await issueToken(trx, userId, "verify_email");
    const mail = await queueMail(trx, {
      to: form.email,
      kind: "verify_email",
      subject: t("mail.verifySubject"),
      text: t("mail.verifyBody", { name: form.displayName, url: `${absoluteUrl(origin, locale, "/verify-email")}?token=${token}` }),
    });
    return { userId, mail };
  });
  if (outcome === "email-taken") return outcome;
  await afterCommit([outcome.mail]);
  return { userId: outcome.userId };
}

/** Checks credentials; resolves the user id or null. Takes the same time whether or not the email exists. */
export async function verifyCredentials(email: string, password: string): Promise<string | null> {
  const user = await getDb()
    .selectFrom("app_user")
    .select(["id", "password_hash"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(await getDecoyHash(), password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? user.id : null;
}

/** Whether the secretariat has suspended the account: a suspended member cannot sign in. */
export async function isSuspended(userId: string): Promise<boolean> {
  const row = await getDb().selectFrom("app_user").select("suspended_at").where("id", "=", userId).executeTakeFirst();
  return row?.suspended_at != null;
}

export async function verifyEmail(token: string): Promise<boolean> {
  return getDb().transaction().execute(async (trx) => {
    const userId = await consumeToken(trx, token, "verify_email");
    if (!userId) return false;
    await trx.updateTable("app_user").set({ email_verified_at: new Date(), updated_at: new Date() }).where("id", "=", userId).execute();
    return true;
  });
}

/** Re-sends the verification link to a signed-in, unverified user. */
export async function resendVerification(userId: string, origin: string) {
  const mail = await getDb().transaction().execute(async (trx) => {
    const user = await trx.selectFrom("app_user").select(["email", "display_name", "preferred_locale", "email_verified_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
    if (user.email_verified_at) return null;
    const locale = isLocale(user.preferred_locale) ? user.preferred_locale : "en";
    const t = await getFixedT(locale, "auth");
    const token = await issueToken(trx, userId, "verify_email");
    return queueMail(trx, {
      to: user.email,
      kind: "verify_email",
      subject: t("mail.verifySubject"),
      text: t("mail.verifyBody", { name: user.display_name, url: `${absoluteUrl(origin, locale, "/verify-email")}?token=${token}` }),
    });
  });
  if (mail) await afterCommit([mail]);
}

/** E-mails a single-use reset link when the address has an account; silent otherwise. */
export async function requestPasswordReset(email: string, locale: Locale, origin: string) {
  const mail = await getDb().transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("app_user")
      .select(["id", "email", "display_name"])
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
      .executeTakeFirst();
    if (!user) return null;
    const t = await getFixedT(locale, "auth");
    const token = await issueToken(trx, user.id, "reset_password");
    return queueMail(trx, {
      to: user.email,
      kind: "reset_password",
      subject: t("mail.resetSubject"),
      text: t("mail.resetBody", { name: user.display_name, url: `${absoluteUrl(origin, locale, "/reset-password")}?token=${token}` }),
    });
  });
  if (mail) await afterCommit([mail]);
}

/** Sets a new password from a reset token and ends every session of the account. */
export async function resetPassword(token: string, password: string): Promise<string | null> {
  const passwordHash = await hashPassword(password);
  const userId = await getDb().transaction().execute(async (trx) => {
    const userId = await consumeToken(trx, token, "reset_password");
    if (!userId) return null;
    // Following the e-mailed link proves the address too.
    await trx
      .updateTable("app_user")
      .set((eb) => ({ password_hash: passwordHash, updated_at: new Date(), email_verified_at: eb.fn.coalesce("email_verified_at", eb.val(new Date())) }))
      .where("id", "=", userId)
      .execute();
    return userId;
  });
  if (userId) await getLucia().invalidateUserSessions(userId);
  return userId;
}

export async function getAccount(userId: string) {
  return getDb()
    .selectFrom("app_user")
    .select(["id", "email", "display_name", "organization_name", "organization_kind", "country_code", "preferred_locale", "role", "email_verified_at", "created_at"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

export async function updateProfile(
  userId: string,
  profile: { displayName: string; organizationName: string; organizationKind: SignUpForm["organizationKind"]; country?: string; preferredLocale: Locale },
) {
  await getDb()
    .updateTable("app_user")
    .set({
      display_name: profile.displayName,
      organization_name: profile.organizationName,
      organization_kind: profile.organizationKind,
      country_code: profile.country ?? null,
      preferred_locale: profile.preferredLocale,
      updated_at: new Date(),
    })
    .where("id", "=", userId)
    .execute();
}

/** Changes the password after checking the current one; other sessions are ended. */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<boolean> {
  const user = await getDb().selectFrom("app_user").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) return false;
  await getDb().updateTable("app_user").set({ password_hash: await hashPassword(newPassword), updated_at: new Date() }).where("id", "=", userId).execute();
  await getLucia().invalidateUserSessions(userId);
  return true;
}

/** For scripts and seeds: creates (or updates) a verified account with a role. */
export async function upsertStaffUser(input: {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organizationName?: string;
  organizationKind?: SignUpForm["organizationKind"];
  country?: string | null;
  preferredLocale?: Locale;
}) {
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserIdByEmail(input.email);
  const values = {
    email: input.email.toLowerCase(),
    password_hash: passwordHash,
    display_name: input.displayName,
    organization_name: input.organizationName ?? "Agora secretariat",
    organization_kind: input.organizationKind ?? "igo",
    country_code: input.country ?? null,
    role: input.role,
    preferred_locale: input.preferredLocale ?? "en",
    email_verified_at: new Date(),
  };
  if (existing) {
    await getDb().updateTable("app_user").set({ ...values, updated_at: new Date() }).where("id", "=", existing).execute();
    return existing;
  }
  const id = generateIdFromEntropySize(10);
  await getDb().insertInto("app_user").values({ id, ...values }).execute();
  return id;
}
