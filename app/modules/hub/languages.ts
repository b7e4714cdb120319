/**
 * Languages a member can say they speak (ISO 639-1), named in the reader's language by
 * languageName (app/utils/format.ts), so no list of names needs translating. Plain constants: safe in the browser.
 */
export const LANGUAGES = [
  "ar", "zh", "en", "fr", "ru", "es", "pt", "am", "bn", "de", "fa", "ha", "hi", "id", "it", "ja", "ko", "ms", "nl", "pl", "sw", "th", "tr", "uk", "ur", "vi", "yo",
] as const;
export type Language = (typeof LANGUAGES)[number];
