import { sendJob } from "~/modules/jobs/jobs.server";
import { queueMail, type OutgoingMail } from "~/modules/mail/mail.server";
import type { Executor } from "~/utils/db.server";
import { formatTimeRangeInZone } from "~/utils/format";
import { isLocale, localePath, type Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { pickLocalized } from "~/utils/format";

export type RegistrationMailKind = "confirmed" | "waitlisted" | "pending" | "promoted" | "declined" | "cancelled" | "reminder";
export type QueuedMail = { id: number; needsDelivery: boolean } | null;

const mailFields = [
  "r.id",
  "r.mode",
  "r.locale",
  "r.check_in_code",
  "r.decision_reason",
  "u.email",
  "u.display_name",
  "d.id as dialogue_id",
  "d.title",
  "d.starts_at",
  "d.ends_at",
  "d.time_zone",
  "d.venue",
  "d.online_url",
] as const;

/** What an e-mail about a registration is made of. */
export type RegistrationMailData = {
  mode: "in_person" | "online";
  locale: string;
  check_in_code: string;
  decision_reason: string;
  email: string;
  display_name: string;
  dialogue_id: number;
  title: Record<string, string>;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  venue: string;
  online_url: string | null;
};

/** The e-mail of one kind about a registration, in the registrant's language. */
export async function composeRegistrationMail(row: RegistrationMailData, kind: RegistrationMailKind, origin: string): Promise<OutgoingMail> {
  const locale: Locale = isLocale(row.locale) ? row.locale : "en";
  const t = await getFixedT(locale, "dialogues");
  const page = new URL(localePath(locale, `/dialogues/${row.dialogue_id}`), origin).toString();
  const seated = kind === "confirmed" || kind === "promoted" || kind === "reminder";
  const values = {
    name: row.display_name,
    title: pickLocalized(row.title, locale),
    when: formatTimeRangeInZone(row.starts_at, row.ends_at, locale, row.time_zone),
    mode: t(`modes.${row.mode}`),
    code: row.check_in_code,
    url: page,
    calendarUrl: new URL(`/dialogues/${row.dialogue_id}/calendar.ics`, origin).toString(),
    where: row.mode === "online" ? (seated && row.online_url ? row.online_url : t("mail.linkOnPage")) : row.venue,
    reason: row.decision_reason,
  };
  return { to: row.email, kind: `dialogue_${kind}`, subject: t(`mail.${kind}Subject`, values), text: t(`mail.${kind}Body`, values) };
}

/**
 * Queues the e-mail about a registration in the registrant's language, inside the caller's
 * transaction. Registrations without an account (anonymized, or imported history) get none.
 */
export async function queueRegistrationMail(trx: Executor, registrationId: number, kind: RegistrationMailKind, origin: string): Promise<QueuedMail> {
  const row = await trx
    .selectFrom("dialogue_registration as r")
    .innerJoin("dialogue as d", "d.id", "r.dialogue_id")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select(mailFields)
    .where("r.id", "=", registrationId)
    .executeTakeFirst();
  if (!row) return null;
  return queueMail(trx, await composeRegistrationMail(row, kind, origin));
}

/** After commit: hands the queued e-mails to the job queue for delivery. */
export async function sendQueuedMail(mails: QueuedMail[]) {
  for (const mail of mails) if (mail?.needsDelivery) await sendJob("mail.deliver", { id: mail.id }).catch(() => {});
}
