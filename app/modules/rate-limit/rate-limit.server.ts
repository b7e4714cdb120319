import { sql } from "kysely";
import type { FieldError } from "~/utils/forms.server";
import { getDb } from "~/utils/db.server";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/** The limits on the doors attackers knock at; kept in PostgreSQL so they hold across instances. */
export const RATE_LIMITS = {
  signInPerAccount: { name: "sign-in:account", limit: 10, windowSeconds: 15 * 60 },
  signInPerIp: { name: "sign-in:ip", limit: 30, windowSeconds: 15 * 60 },
  signUpPerIp: { name: "sign-up:ip", limit: 10, windowSeconds: 60 * 60 },
  resetPerIp: { name: "reset:ip", limit: 10, windowSeconds: 60 * 60 },
  /** "Send the link again": a few a day, so the button cannot be used to flood an inbox. */
  resendVerificationPerUser: { name: "resend-verification:user", limit: 3, windowSeconds: 24 * 60 * 60 },
  /** The hub: enough for an active member, too few to flood the feed or a discussion. */
  hubPostPerUser: { name: "hub-post:user", limit: 10, windowSeconds: 60 * 60 },
  hubCommentPerUser: { name: "hub-comment:user", limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts one hit against `rule` for `subject` in a fixed window, atomically.
 * Returns whether it is allowed and, when not, how many seconds until the window resets.
 */
export async function hitRateLimit(rule: RateLimitRule, subject: string): Promise<{ allowed: boolean; retryAfter: number }> {
  const bucket = `${rule.name}:${subject.toLowerCase()}`;
  const window = `${rule.windowSeconds} seconds`;
  const row = await sql<{ hits: number; window_started_at: Date }>`
    insert into rate_limit as r (bucket, window_started_at, hits) values (${bucket}, now(), 1)
    on conflict (bucket) do update set
      hits = case when r.window_started_at < now() - ${window}::interval then 1 else r.hits + 1 end,
      window_started_at = case when r.window_started_at < now() - ${window}::interval then now() else r.window_started_at end
    returning hits, window_started_at
  `.execute(getDb());
  const { hits, window_started_at } = row.rows[0]!;
  const retryAfter = Math.max(1, Math.ceil((window_started_at.getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: hits <= rule.limit, retryAfter };
}

/** Forgets the hits of `subject` (a successful sign-in clears its account's counter). */
export async function clearRateLimit(rule: RateLimitRule, subject: string) {
  await getDb().deleteFrom("rate_limit").where("bucket", "=", `${rule.name}:${subject.toLowerCase()}`).execute();
}

/**
 * A rule over its limit, as a form's outcome: a 429 with Retry-After and an error the form shows
 * in the reader's language (a caller adds what else its form needs to `body`).
 */
export function tooManyRequests(retryAfter: number) {
  const formError: FieldError = { key: "errors.tooManyRequests", values: { minutes: Math.ceil(retryAfter / 60) } };
  return { kind: "reply" as const, status: 429, headers: { "Retry-After": String(retryAfter) }, body: { formError } };
}

/**
 * Counts a hit on each rule. When any is over its limit, returns the refusal the form shows
 * (`tooManyRequests`); otherwise null.
 */
export async function checkRateLimits(checks: Array<[RateLimitRule, string]>) {
  for (const [rule, subject] of checks) {
    const { allowed, retryAfter } = await hitRateLimit(rule, subject);
    if (!allowed) return tooManyRequests(retryAfter);
  }
  return null;
}
