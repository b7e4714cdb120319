/**
 * Digest e-mails: each member with notifications no digest carried yet gets one e-mail per
 * period of their frequency (daily, weekly from Monday, monthly from the 1st; UTC), in their
 * language. The hub_digest row (primary key user, frequency, period start) is inserted in the
 * transaction that queues the mail and marks the notifications sent: a second worker, a retry or
 * a restart finds the row and sends nothing (docs/decisions/0024).
 */
import { sql } from "kysely";
import type { DigestFrequency } from "../../../db/schema/hub";
import { sendJob } from "~/modules/jobs/jobs.server";
import { queueMail } from "~/modules/mail/mail.server";
import { getDb } from "~/utils/db.server";
import { isLocale, localePath, type Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { notificationDescriber } from "./notifications.server";
import { createUnsubscribeToken } from "./unsubscribe.server";

type Frequency = Exclude<DigestFrequency, "never">;
/** At most this many notifications per digest; the rest wait for the next one. */
export const DIGEST_MAX_ITEMS = 100;

/** The first day (UTC, `YYYY-MM-DD`) of the period of `frequency` that `now` falls in. */
export function periodStart(frequency: Frequency, now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (frequency === "weekly") day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  if (frequency === "monthly") day.setUTCDate(1);
  return day.toISOString().slice(0, 10);
}

class NothingToSend extends Error {}

/** Sends every digest due at `now`; returns how many were queued. Safe to run on several workers at once. */
export async function sendDigests(origin: string, now = new Date()): Promise<number> {
  const starts = { daily: periodStart("daily", now), weekly: periodStart("weekly", now), monthly: periodStart("monthly", now) };
  const frequency = sql<Frequency>`coalesce(p.digest_frequency, 'monthly')`;
  const start = sql<string>`(case ${frequency} when 'daily' then ${starts.daily} when 'weekly' then ${starts.weekly} else ${starts.monthly} end)::date`;
  const due = await getDb()
    .selectFrom("app_user as u")
    .leftJoin("hub_profile as p", "p.user_id", "u.id")
    .select(["u.id", frequency.as("frequency")])
    .where("u.deleted_at", "is", null)
    .where("u.suspended_at", "is", null)
    .where("u.email_verified_at", "is not", null)
    .where(sql<boolean>`${frequency} <> 'never'`)
    .where((eb) => eb.exists(eb.selectFrom("notification as n").select(sql`1`.as("one")).whereRef("n.user_id", "=", "u.id").where("n.sent_at", "is", null)))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("hub_digest as d").select(sql`1`.as("one")).whereRef("d.user_id", "=", "u.id").where(sql<boolean>`d.frequency = ${frequency} and d.period_start = ${start}`))),
    )
    .orderBy("u.id")
    .execute();
  let sent = 0;
  for (const member of due) {
    if (await sendDigest(member.id, member.frequency, starts[member.frequency], origin, now)) sent++;
  }
  return sent;
}

/** One member's digest for one period, or nothing if another run already took it. */
export async function sendDigest(userId: string, frequency: Frequency, start: string, origin: string, now = new Date()) {
  let mail: { id: number; needsDelivery: boolean };
  try {
    mail = await getDb()
      .transaction()
      .execute(async (trx) => {
        // The once-only guarantee: a concurrent run waits on this row, then finds it and stops.
        const claimed = await trx
          .insertInto("hub_digest")
          .values({ user_id: userId, frequency, period_start: start, notification_count: 0 })
          .onConflict((conflict) => conflict.doNothing())
          .returning("user_id")
          .executeTakeFirst();
        if (!claimed) throw new NothingToSend();
        const member = await trx.selectFrom("app_user").select(["email", "display_name", "preferred_locale"]).where("id", "=", userId).where("deleted_at", "is", null).executeTakeFirst();
        const items = await trx
          .selectFrom("notification")
          .select(["id", "kind", "payload"])
          .where("user_id", "=", userId)
          .where("sent_at", "is", null)
          .orderBy("created_at")
          .orderBy("id")
          .limit(DIGEST_MAX_ITEMS)
          .forUpdate()
          .skipLocked()
          .execute();
        if (!member || items.length === 0) throw new NothingToSend();
        const locale: Locale = isLocale(member.preferred_locale) ? member.preferred_locale : "en";
        const queued = await queueMail(trx, await composeDigest({ ...member, locale, userId, frequency, items, origin }));
        await trx.updateTable("notification").set({ sent_at: now }).where("id", "in", items.map((item) => item.id)).execute();
        await trx.updateTable("hub_digest").set({ notification_count: items.length, mail_id: queued.id }).where("user_id", "=", userId).where("frequency", "=", frequency).where(sql<boolean>`period_start = ${start}::date`).execute();
        return queued;
      });
  } catch (error) {
    if (error instanceof NothingToSend) return false;
    throw error;
  }
  if (mail.needsDelivery) await sendJob("mail.deliver", { id: mail.id }).catch((error) => console.error("[digest] could not queue mail.deliver:", String(error)));
  return true;
}

async function composeDigest(input: {
  userId: string;
  email: string;
  display_name: string;
  locale: Locale;
  frequency: Frequency;
  items: Array<{ kind: string; payload: unknown }>;
  origin: string;
}) {
  const [t, describe, token] = await Promise.all([getFixedT(input.locale, "notifications"), notificationDescriber(input.locale), createUnsubscribeToken(input.userId)]);
  const url = (path: string) => new URL(localePath(input.locale, path), input.origin).toString();
  const unsubscribeUrl = `${url("/hub/unsubscribe")}?token=${token}`;
  const lines = input.items.map((item) => {
    const { text, path } = describe(item);
    return path ? `- ${text}\n  ${new URL(path, input.origin).toString()}` : `- ${text}`;
  });
  const text = [
    t("digest.greeting", { name: input.display_name }),
    "",
    t(`digest.intro.${input.frequency}`, { count: input.items.length }),
    "",
    ...lines,
    "",
    t("digest.all", { url: url("/account/notifications") }),
    t("digest.frequency", { url: url("/account/profile") }),
    t("digest.unsubscribe", { url: unsubscribeUrl }),
  ].join("\n");
  return {
    to: input.email,
    subject: t(`digest.subject.${input.frequency}`, { count: input.items.length }),
    text,
    kind: "hub.digest",
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
