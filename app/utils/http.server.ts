import { data } from "@remix-run/node";
import type { FieldError } from "~/utils/forms.server";
import { hitRateLimit, type RateLimitRule } from "~/modules/rate-limit/rate-limit.server";

/** Throws a 404 that the error boundary renders as a localized page. */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * The address people reach Agora at, for links in e-mails, certificates and open data: PUBLIC_URL,
 * else (development, tests) the configured HOST and PORT. Never a request header: a forged `Host`
 * would otherwise put an attacker's address into a password-reset e-mail. Production refuses to
 * start without PUBLIC_URL (scripts/lib/config.ts).
 */
export function getPublicOrigin(): string {
  if (process.env.PUBLIC_URL) return new URL(process.env.PUBLIC_URL).origin;
  const host = process.env.HOST && !["0.0.0.0", "::", ""].includes(process.env.HOST) ? process.env.HOST : "localhost";
  return `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT ?? 3000}`;
}

/**
 * Counts a hit on each rule. When any is over its limit, returns a 429 whose `formError` the
 * form shows in the reader's language; otherwise null. Usage: `if (limited) return limited`.
 */
export async function checkRateLimits(checks: Array<[RateLimitRule, string]>) {
  for (const [rule, subject] of checks) {
    const { allowed, retryAfter } = await hitRateLimit(rule, subject);
    if (!allowed) {
      return data(
        { formError: { key: "errors.tooManyRequests", values: { minutes: Math.ceil(retryAfter / 60) } } as FieldError },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
  }
  return null;
}
