import { z } from "zod";

/** The mail outbox list: a page and a recipient filter; anything else is ignored. */
export const MailOutboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  to: z.string().trim().max(254).optional().catch(undefined),
});
export type MailOutboxQuery = z.infer<typeof MailOutboxQuery>;
