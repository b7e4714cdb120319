import { DEFAULT_LOCALE, type Locale } from "./i18n";

export type LocalizedText = Partial<Record<Locale, string>>;

/** The text in `locale`, else English, else any language there is. */
export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return "";
  return text[locale] ?? text[DEFAULT_LOCALE] ?? Object.values(text).find(Boolean) ?? "";
}
