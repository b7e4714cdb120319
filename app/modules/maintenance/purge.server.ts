import { sql } from "kysely";
import { RATE_LIMITS } from "~/modules/rate-limit/rate-limit.server";
import { getDb } from "~/utils/db.server";

/** How long what is no longer needed is kept before the hourly purge deletes it. */
export const RETENTION = {
  /** Delivered or stored outbox mail (pending mail is never purged). */
  mailDays: 30,
} as const;

/** The longest rate-limit window: a row older than that counts nothing any more. */
const LONGEST_WINDOW_SECONDS = Math.max(...Object.values(RATE_LIMITS).map((rule) => rule.windowSeconds));

/**
 * Deletes expired sessions, used or expired sign-in tokens, rate-limit rows whose window has
 * passed and old outbox mail. Run hourly by the `maintenance.purge` job; returns what it removed.
 */
export async function purgeExpired() {
  const db = getDb();
  const [sessions, tokens, rateLimits, mail] = await Promise.all([
    db.deleteFrom("user_session").where("expires_at", "<", sql<Date>`now()`).executeTakeFirst(),
    db
      .deleteFrom("auth_token")
      .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<", sql<Date>`now()`)]))
      .executeTakeFirst(),
    db.deleteFrom("rate_limit").where("window_started_at", "<", sql<Date>`now() - make_interval(secs => ${LONGEST_WINDOW_SECONDS})`).executeTakeFirst(),
    db
      .deleteFrom("mail_outbox")
      .where("status", "in", ["stored", "sent", "failed"])
      .where("created_at", "<", sql<Date>`now() - make_interval(days => ${RETENTION.mailDays})`)
      .executeTakeFirst(),
  ]);
  return {
    sessions: Number(sessions.numDeletedRows),
    tokens: Number(tokens.numDeletedRows),
    rateLimits: Number(rateLimits.numDeletedRows),
    mail: Number(mail.numDeletedRows),
  };
}
