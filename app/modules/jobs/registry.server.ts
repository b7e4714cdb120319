import { sendDueReminders } from "~/modules/dialogues/registration.server";
import { deliverMail, deliverPendingMail } from "~/modules/mail/mail.server";
import { getEnv } from "~/utils/env.server";
import { syncSearchOutbox } from "~/modules/search/index.server";

/** Every background job and its handler. A job's data is validated by its handler. */
export const jobHandlers = {
  "mail.deliver": (data: { id?: number }) => deliverMail(data.id),
  "mail.sweep": () => deliverPendingMail(),
  "search.sync": () => syncSearchOutbox(),
  // Links in reminders need the public address: there is no request to take it from.
  "dialogues.remind": () => sendDueReminders(getEnv().PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`),
} satisfies Record<string, (data: never) => Promise<unknown>>;

/** Periodic jobs (cron syntax, UTC). */
export const scheduledJobs: Array<{ name: keyof typeof jobHandlers; cron: string }> = [
  { name: "mail.sweep", cron: "*/5 * * * *" },
  // Catches up on whatever Meilisearch missed while it was away.
  { name: "search.sync", cron: "* * * * *" },
  // Two days before each dialogue, each confirmed registrant once (claimed rows, safe with several workers).
  { name: "dialogues.remind", cron: "7 * * * *" },
];
