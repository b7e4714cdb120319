import { sendDueReminders } from "~/modules/dialogues/registration.server";
import { sendDigests } from "~/modules/hub/digests.server";
import { deliverMail, deliverPendingMail } from "~/modules/mail/mail.server";
import { getPublicOrigin } from "~/utils/http.server";
import { purgeExpired } from "~/modules/maintenance/purge.server";
import { syncSearchOutbox } from "~/modules/search/index.server";

/** Every background job and its handler. A job's data is validated by its handler. */
export const jobHandlers = {
  "mail.deliver": (data: { id?: number }) => deliverMail(data.id),
  "mail.sweep": () => deliverPendingMail(),
  "search.sync": () => syncSearchOutbox(),
  "dialogues.remind": () => sendDueReminders(getPublicOrigin()),
  "maintenance.purge": () => purgeExpired(),
  "hub.digest": () => sendDigests(getPublicOrigin()),
} satisfies Record<string, (data: never) => Promise<unknown>>;

/** Periodic jobs (cron syntax, UTC). */
export const scheduledJobs: Array<{ name: keyof typeof jobHandlers; cron: string }> = [
  { name: "mail.sweep", cron: "*/5 * * * *" },
  // Catches up on whatever Meilisearch missed while it was away.
  { name: "search.sync", cron: "* * * * *" },
  // Two days before each dialogue, each confirmed registrant once (claimed rows, safe with several workers).
  { name: "dialogues.remind", cron: "7 * * * *" },
  // Expired sessions, used tokens, spent rate-limit rows, old outbox mail (pg-boss runs a schedule once, whatever the number of workers).
  { name: "maintenance.purge", cron: "37 * * * *" },
  // Digests of the period that just began, each once per member and period (the hub_digest key), hourly so a missed run catches up.
  { name: "hub.digest", cron: "17 * * * *" },
];
