import { data, redirect } from "@remix-run/node";
import type { FormOutcome } from "./forms.server";

/** Throws a 404 that the error boundary renders as a localized page. */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** A form workflow's outcome as the action's response: the redirect, the 404, or the body with its status. */
export function respond<Body>(outcome: FormOutcome<Body>) {
  if (outcome.kind === "redirect") return redirect(outcome.to, { headers: outcome.headers });
  if (outcome.kind === "notFound") notFound();
  return data(outcome.body, { status: outcome.status, headers: outcome.headers });
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

