/**
 * The locale rules, in one place (decisions 0002 and 0035): which language an address is in (its
 * first segment, none for English), what the visitor's cookie remembers, when a first visit goes to
 * the visitor's own language (Accept-Language), and when the cookie is written. The root loader,
 * entry.server, the locale layout (`($lang).tsx`) and the page cache in front of Remix
 * (scripts/lib/page-cache.ts, which keys its entries on these same cases) all decide with these.
 */
import { createCookie } from "@remix-run/node";
import { LanguageDetector } from "remix-i18next/server";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "./cookies";
import { DEFAULT_LOCALE, isLocale, LOCALES, localePath, splitLocalePath, type Locale } from "./i18n";

/** Remembers the visitor's last language; its absence marks a first visit. */
export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: LOCALE_COOKIE_MAX_AGE,
});

/** Accept-Language negotiation among our locales, English when none fits. */
export const LOCALE_DETECTION = { supportedLanguages: [...LOCALES], fallbackLanguage: DEFAULT_LOCALE, order: ["header" as const] };
const detector = new LanguageDetector(LOCALE_DETECTION);

/** The best of our locales for the request's Accept-Language header. */
export async function negotiateLocale(request: Request): Promise<Locale> {
  const locale = await detector.detect(request);
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * How an address's language stands to the one the visitor's cookie remembers: `remembered` (the
 * same), `first` (nothing remembered, and an English address: the visitor's language is
 * negotiated), `other` (another language remembered, or nothing on a prefixed address). Anything
 * but `remembered` makes the response remember the address's language.
 */
export type LanguageVisit = "remembered" | "first" | "other";

export async function getLanguageVisit(pathname: string, cookieHeader: string | null | undefined): Promise<{ locale: Locale; path: string; visit: LanguageVisit }> {
  const { locale, path } = splitLocalePath(pathname);
  // As stored: a value that is not one of our locales still counts as a remembered (other) language.
  const remembered: unknown = await localeCookie.parse(cookieHeader ?? null);
  const visit = remembered === locale ? "remembered" : !remembered && locale === DEFAULT_LOCALE ? "first" : "other";
  return { locale, path, visit };
}

/** Where a first visit to an English address goes: the same page in the visitor's language, or null to stay. */
export async function firstVisitRedirect(request: Request): Promise<string | null> {
  const url = new URL(request.url);
  const { path, visit } = await getLanguageVisit(url.pathname, request.headers.get("cookie"));
  if (visit !== "first") return null;
  const preferred = await negotiateLocale(request);
  return preferred === DEFAULT_LOCALE ? null : `${localePath(preferred, path)}${url.search}`;
}

/** The Set-Cookie header that remembers the language of the page read, or null when the cookie names it already. */
export async function rememberLanguage(request: Request): Promise<string | null> {
  const { locale, visit } = await getLanguageVisit(new URL(request.url).pathname, request.headers.get("cookie"));
  return visit === "remembered" ? null : localeCookie.serialize(locale);
}

/**
 * What the locale layout does with the optional first segment its `lang` param took: `ours` (none,
 * or one of our locales), a redirect for "/en/…" (English has no prefix), `unknown` (a 404).
 */
export function checkLocalePrefix(lang: string | undefined, url: URL): "ours" | "unknown" | { redirect: string } {
  if (lang === undefined) return "ours";
  if (lang === DEFAULT_LOCALE) {
    // `/en//evil.com` must not become `//evil.com` (a protocol-relative address): one leading slash.
    const rest = url.pathname.replace(/^\/en(?=\/|$)/, "").replace(/^\/+/, "");
    return { redirect: `/${rest}${url.search}` };
  }
  return isLocale(lang) ? "ours" : "unknown";
}
