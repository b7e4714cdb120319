import { data } from "@remix-run/node";
import type { FieldError } from "~/utils/forms.server";
import { hitRateLimit, type RateLimitRule } from "~/modules/rate-limit/rate-limit.server";

/** Throws a 404 that the error boundary renders as a localized page. */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** The origin of this request as the user sees it (honours PUBLIC_URL behind a proxy). */
export function getOrigin(request: Request) {
  return process.env.PUBLIC_URL ?? new URL(request.url).origin;
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
