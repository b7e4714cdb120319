import { readFileSync } from "node:fs";
import path from "node:path";
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

/** Column order of content/countries/un-short-names.tsv after the code. */
const COLUMNS: Locale[] = ["en", "fr", "es", "ru", "zh", "ar", "pt"];

/**
 * The UN short names of States and other parties in seven languages (UNTERM; Portuguese from the
 * sources noted in the file). The one source of every party's name on the platform.
 */
export function readUnShortNames(file = path.resolve("content/countries/un-short-names.tsv")): Map<string, Record<Locale, string>> {
  const names = new Map<string, Record<Locale, string>>();
  for (const [index, line] of readFileSync(file, "utf8").split("\n").entries()) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [code, ...cells] = line.split("\t");
    if (!/^[A-Z]{3}$/.test(code ?? "") || cells.length !== COLUMNS.length || cells.some((cell) => !cell.trim())) {
      throw new Error(`${file}:${index + 1}: expected a code and ${COLUMNS.length} names`);
    }
    names.set(code!, Object.fromEntries(COLUMNS.map((locale, column) => [locale, cells[column]!.trim()])) as Record<Locale, string>);
  }
  return names;
}

let unNames: Map<string, Record<Locale, string>> | null = null;

/** The UN short name of `code` (ISO alpha-3, or EUU) in `locale`, or undefined when the UN has none. */
export function unShortName(code: string, locale: Locale): string | undefined {
  unNames ??= readUnShortNames();
  return unNames.get(code)?.[locale];
}

const cache = new Map<Locale, Array<{ code: string; name: string }>>();

/**
 * Every country or area (ISO 3166-1 alpha-3) with its name in `locale`, sorted for that language:
 * the UN short name for States and UN observers, the ISO/CLDR name for other areas.
 */
export function listCountries(locale: Locale) {
  let list = cache.get(locale);
  if (!list) {
    const names = countries.getNames(locale, { select: "official" });
    const collator = new Intl.Collator(locale);
    list = Object.entries(names)
      .map(([alpha2, name]) => {
        const code = countries.alpha2ToAlpha3(alpha2) ?? "";
        return { code, name: unShortName(code, locale) ?? name };
      })
      .filter((country) => country.code)
      .sort((a, b) => collator.compare(a.name, b.name));
    cache.set(locale, list);
  }
  return list;
}

export function isCountryCode(code: string) {
  return countries.isValid(code);
}

