import countries from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import pt from "i18n-iso-countries/langs/pt.json";
import ru from "i18n-iso-countries/langs/ru.json";
import zh from "i18n-iso-countries/langs/zh.json";
import type { Locale } from "~/utils/i18n";

for (const locale of [ar, en, es, fr, pt, ru, zh]) countries.registerLocale(locale);

const cache = new Map<Locale, Array<{ code: string; name: string }>>();

/** Every country (ISO 3166-1 alpha-3) with its name in `locale`, sorted for that language. */
export function listCountries(locale: Locale) {
  let list = cache.get(locale);
  if (!list) {
    const names = countries.getNames(locale, { select: "official" });
    const collator = new Intl.Collator(locale);
    list = Object.entries(names)
      .map(([alpha2, name]) => ({ code: countries.alpha2ToAlpha3(alpha2)!, name }))
      .filter((country) => country.code)
      .sort((a, b) => collator.compare(a.name, b.name));
    cache.set(locale, list);
  }
  return list;
}

export function isCountryCode(code: string) {
  return countries.isValid(code);
}
