/**
 * The names of Agora's cookies and how to read them, in one place: the app (Lucia's session
 * cookie, the language cookie) and the server in front of it (scripts/server.ts, the page cache
 * in scripts/lib/page-cache.ts) use these, so a rename cannot leave one of them behind. Reading
 * the language cookie is a locale rule: ./locale.server.ts.
 * No Remix or Node imports: the server scripts load this file directly.
 */
import { parse } from "cookie";

/** The session cookie (Lucia). */
export const SESSION_COOKIE = "agora_session";
/** Remembers the visitor's last language; its absence marks a first visit. */
export const LOCALE_COOKIE = "agora_lng";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The value of cookie `name` in a Cookie header, or undefined: parsed as Remix parses cookies (the `cookie` package). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  return header ? parse(header)[name] : undefined;
}
