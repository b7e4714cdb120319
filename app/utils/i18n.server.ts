import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { resources } from "~/locales";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "./cookies";
import { DEFAULT_LOCALE, isLocale, LOCALES, splitLocalePath, type Locale } from "./i18n";

/** Remembers the visitor's last language; its absence marks a first visit (name and reading: ./cookies.ts). */
export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: LOCALE_COOKIE_MAX_AGE,
});

const negotiator = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    order: ["header"],
  },
  i18next: { resources, fallbackNS: "common", interpolation: { escapeValue: false } },
});

/** The locale of a request is the first path segment (none = English). */
export function getRequestLocale(request: Request): Locale {
  return splitLocalePath(new URL(request.url).pathname).locale;
}

/** The best of our locales for the Accept-Language header. */
export async function negotiateLocale(request: Request): Promise<Locale> {
  const locale = await negotiator.getLocale(request);
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** A translation function for server-side text: emails, meta, error messages. */
// Building a fixed t costs ~3 ms (a new i18next instance); strings never change while running.
const fixedTs = new Map<string, ReturnType<typeof negotiator.getFixedT>>();

export function getFixedT(locale: Locale, namespace: string = "common") {
  const key = `${locale}:${namespace}`;
  let t = fixedTs.get(key);
  if (!t) fixedTs.set(key, (t = negotiator.getFixedT(locale, namespace)));
  return t;
}

/** The namespaces of one locale that a page needs (see namespacesFor): what the root loader sends. */
type TranslationTree = { [key: string]: string | TranslationTree };

export function getTranslations(locale: Locale, namespaces: string[]): Record<string, TranslationTree> {
  const all = resources[locale] as unknown as Record<string, TranslationTree>;
  return Object.fromEntries(namespaces.filter((namespace) => namespace in all).map((namespace) => [namespace, all[namespace]!]));
}
