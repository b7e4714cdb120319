import { data, redirect } from "@remix-run/node";
import type { FormOutcome } from "./forms.server";
import { isLocale, type Locale } from "./i18n";

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

/** Characters escaped in open data so that a reader's query echoed back can never be read as markup. */
const MARKUP_CHARACTERS: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/**
 * A public open-data answer: JSON anyone may fetch (CORS `*`), cacheable for `maxAge` seconds. `<`,
 * `>` and `&` go out as \u escapes — the same JSON to a parser, but a query echoed back (`?q=<img …>`)
 * stays inert even for a client that sniffs or inlines it.
 */
export function openDataResponse(body: unknown, { maxAge = 0 }: { maxAge?: number } = {}): Response {
  const text = JSON.stringify(body).replace(/[<>&\u2028\u2029]/g, (character) => MARKUP_CHARACTERS[character]);
  return new Response(text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      ...(maxAge > 0 ? { "Cache-Control": `public, max-age=${maxAge}` } : {}),
    },
  });
}

/** The language a file or open-data address asks for with `?lang=`, English when absent or unknown. */
export function requestedLanguage(request: Request): Locale {
  const lang = new URL(request.url).searchParams.get("lang");
  return isLocale(lang) ? lang : "en";
}
