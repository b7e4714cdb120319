import { RemixI18Next } from "remix-i18next/server";
import { resources } from "~/locales";
import { splitLocalePath, type Locale } from "./i18n";
import { LOCALE_DETECTION } from "./locale.server";

// Only its fixed translation functions are used here; negotiation is in ./locale.server.ts.
const i18next = new RemixI18Next({
  detection: LOCALE_DETECTION,
  i18next: { resources, fallbackNS: "common", interpolation: { escapeValue: false } },
});

/** The locale of a request is the first path segment (none = English). */
export function getRequestLocale(request: Request): Locale {
  return splitLocalePath(new URL(request.url).pathname).locale;
}

/** A translation function for server-side text: emails, meta, error messages. */
// Building a fixed t costs ~3 ms (a new i18next instance); strings never change while running.
const fixedTs = new Map<string, ReturnType<typeof i18next.getFixedT>>();

export function getFixedT(locale: Locale, namespace: string = "common") {
  const key = `${locale}:${namespace}`;
  let t = fixedTs.get(key);
  if (!t) fixedTs.set(key, (t = i18next.getFixedT(locale, namespace)));
  return t;
}

/** The namespaces of one locale that a page needs (see scripts/lib/page-namespaces.ts): what the root loader sends. */
type TranslationTree = { [key: string]: string | TranslationTree };

export function getTranslations(locale: Locale, namespaces: readonly string[]): Record<string, TranslationTree> {
  const all = resources[locale] as unknown as Record<string, TranslationTree>;
  return Object.fromEntries(namespaces.filter((namespace) => namespace in all).map((namespace) => [namespace, all[namespace]!]));
}
