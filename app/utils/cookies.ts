/**
 * The names of Agora's cookies and how to read them, in one place: the app (Lucia's session
 * cookie, the language cookie) and the server in front of it (scripts/server.ts, the page cache
 * in scripts/lib/page-cache.ts) use these, so a rename cannot leave one of them behind.
 * No Remix or Node imports: the server scripts load this file directly.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

/** The session cookie (Lucia). */
export const SESSION_COOKIE = "agora_session";
/** Remembers the visitor's last language; its absence marks a first visit. */
export const LOCALE_COOKIE = "agora_lng";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The raw value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  return header?.split(/;\s*/).find((part) => part.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * The language cookie's value as Remix's createCookie writes it (URI-encoded base64 of a JSON
 * string), undefined when absent or unreadable. Like `localeCookie.parse`, it is returned as
 * stored: a value that is not one of our locales still counts as a remembered (other) language.
 */
export function readLocaleCookie(header: string | null | undefined): unknown {
  const raw = readCookie(header, LOCALE_COOKIE);
  if (!raw) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(decodeURIComponent(raw)), (char) => char.charCodeAt(0)))) as unknown;
  } catch {
    return undefined;
  }
}

/** A path's locale prefix other than the default one ("/ar/…" → "ar"), or undefined. */
export function localePrefixOf(path: string): Locale | undefined {
  const first = path.split("/")[1];
  return isLocale(first) && first !== DEFAULT_LOCALE ? first : undefined;
}
