import { deliverMail, deliverPendingMail } from "~/modules/mail/mail.server";
import { syncSearchOutbox } from "~/modules/search/index.server";

/** Every background job and its handler. A job's data is validated by its handler. */
export const jobHandlers = {
  "mail.deliver": (data: { id?: number }) => deliverMail(data.id),
  "mail.sweep": () => deliverPendingMail(),
  "search.sync": () => syncSearchOutbox(),
} satisfies Record<string, (data: never) => Promise<unknown>>;

/** Periodic jobs (cron syntax, UTC). */
export const scheduledJobs: Array<{ name: keyof typeof jobHandlers; cron: string }> = [
  { name: "mail.sweep", cron: "*/5 * * * *" },
  // Catches up on whatever Meilisearch missed while it was away.
  { name: "search.sync", cron: "* * * * *" },
];
