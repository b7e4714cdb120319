import { createInstance, type i18n as I18n, type Resource } from "i18next";
import { useMemo } from "react";
import { initReactI18next, useTranslation } from "react-i18next";
import { localePath, type Locale } from "./i18n";

function createI18nInstance(locale: Locale, resources: Resource[string]): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: resources },
    defaultNS: "common",
    fallbackNS: "common",
    interpolation: { escapeValue: false },
    initImmediate: false,
    react: { useSuspense: false },
  });
  return instance;
}

/** On the server the strings of a locale and set of namespaces never change: build each instance once. */
const serverInstances = new Map<string, I18n>();

/**
 * One i18next instance per locale, built synchronously from the resources the root loader
 * sends, so server render and hydration see the same strings without a second request.
 */
export function useI18nInstance(locale: Locale, resources: Resource[string]): I18n {
  return useMemo(() => {
    if (typeof document !== "undefined") return createI18nInstance(locale, resources);
    const key = `${locale}:${Object.keys(resources).sort().join(",")}`;
    let instance = serverInstances.get(key);
    if (!instance) serverInstances.set(key, (instance = createI18nInstance(locale, resources)));
    return instance;
  }, [locale, resources]);
}

/** The current locale and a function that prefixes paths with it. */
export function useLocale() {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return { locale, to: (path: string) => localePath(locale, path) };
}
