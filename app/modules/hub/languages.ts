/**
 * Languages a member can say they speak (ISO 639-1), named in the reader's language by
 * Intl.DisplayNames, so no list of names needs translating. Plain constants: safe in the browser.
 */
export const LANGUAGES = [
  "ar", "zh", "en", "fr", "ru", "es", "pt", "am", "bn", "de", "fa", "ha", "hi", "id", "it", "ja", "ko", "ms", "nl", "pl", "sw", "th", "tr", "uk", "ur", "vi", "yo",
] as const;
export type Language = (typeof LANGUAGES)[number];

/** The name of a language in `locale` ("French", "français"…), the code when unknown. */
export function languageLabel(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
