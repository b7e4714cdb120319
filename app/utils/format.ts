/**
 * Formatting of values for display, in one place, the same on server and browser: dates and
 * times (every format names its time zone, so the server's render and the browser's hydration
 * produce the same text), numbers, file sizes, language names and the picking of a text in the
 * reader's language. Browser-safe: no server imports.
 */
import { DEFAULT_LOCALE, type Locale } from "./i18n";

// Intl formatters are costly to build: one per locale, zone and style.
const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

/** "GMT+01:00": the offset from UTC of `timeZone` at that instant, in the reader's language. */
export function utcOffset(date: Date | string, locale: string, timeZone: string) {
  const parts = dateTimeFormat(locale, timeZone, { timeZoneName: "longOffset" }).formatToParts(new Date(date));
  return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** A day and time in `timeZone` with its UTC offset: "Friday, 15 January 2027, 10:00 (GMT+01:00)". */
export function formatDateTimeInZone(date: Date | string, locale: string, timeZone: string) {
  const instant = new Date(date);
  return `${dateTimeFormat(locale, timeZone, { dateStyle: "full", timeStyle: "short" }).format(instant)} (${utcOffset(instant, locale, timeZone)})`;
}

/** A start and end, the end shortened to its time when both fall on the same local day. */
export function formatTimeRangeInZone(start: Date | string, end: Date | string, locale: string, timeZone: string) {
  const from = new Date(start);
  const to = new Date(end);
  const day = dateTimeFormat(locale, timeZone, { dateStyle: "short" });
  const endText =
    day.format(from) === day.format(to)
      ? dateTimeFormat(locale, timeZone, { timeStyle: "short" }).format(to)
      : dateTimeFormat(locale, timeZone, { dateStyle: "full", timeStyle: "short" }).format(to);
  return `${dateTimeFormat(locale, timeZone, { dateStyle: "full", timeStyle: "short" }).format(from)} – ${endText} (${utcOffset(from, locale, timeZone)})`;
}

/** A calendar day in `timeZone` (UTC unless given): "15 Jan 2027". */
export function formatDay(date: Date | string, locale: string, timeZone = "UTC") {
  return dateTimeFormat(locale, timeZone, { dateStyle: "medium" }).format(new Date(date));
}

/** `YYYY-MM-DDTHH:mm` in `timeZone`, for a datetime-local field. */
export function toLocalInputValue(date: Date | string | null, timeZone: string) {
  if (!date) return "";
  const parts = Object.fromEntries(
    dateTimeFormat("en-GB", timeZone, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(date))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * A publication date as precisely as it is known: "2017", "June 2020" or "18 June 2020" in the
 * reader's language. A year alone is stored as its 1 January and never shown as that day.
 */
export function formatPublished(date: string, precision: "year" | "month" | "day", locale: string) {
  const options: Intl.DateTimeFormatOptions =
    precision === "year" ? { year: "numeric" } : precision === "month" ? { year: "numeric", month: "long" } : { dateStyle: "long" };
  return dateTimeFormat(locale, "UTC", options).format(new Date(`${date}T00:00:00Z`));
}

/** A calendar date stored without a time (YYYY-MM-DD) in the reader's language: "15 Jan 2027"; "" when absent. */
export function formatCalendarDate(date: string | null | undefined, locale: string) {
  return date ? formatDay(`${date}T00:00:00Z`, locale) : "";
}

/** A day in long form in `timeZone` (UTC unless given): "15 January 2027". */
export function formatLongDay(date: Date | string, locale: string, timeZone = "UTC") {
  return dateTimeFormat(locale, timeZone, { dateStyle: "long" }).format(new Date(date));
}

/** A day and time in `timeZone` (UTC unless given): "15 Jan 2027, 10:00". */
export function formatDateTime(date: Date | string, locale: string, timeZone = "UTC") {
  return dateTimeFormat(locale, timeZone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
}

/** A moment with the zone named, for "checked at" lines: "15 January 2027 at 10:00 UTC". */
export function formatMomentWithZone(date: Date | string, locale: string, timeZone = "UTC") {
  return dateTimeFormat(locale, timeZone, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(new Date(date));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached number format for `locale` (and options): pages format hundreds of numbers. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number in the reader's digits and separators: "1,234", "١٬٢٣٤". */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}) {
  return numberFormat(locale, options).format(value);
}

/** A share (0–1) as a whole percentage in the reader's language: "42%", "٤٢٪". */
export function formatPercent(share: number, locale: string) {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A file size in bytes, KB or MB with one decimal at most: "2.4 MB". Units are Latin in every language. */
export function formatFileSize(bytes: number, locale: string) {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, locale, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

const languageNames = new Map<string, Intl.DisplayNames | null>();

/** A language's name in the reader's language ("fr" → "French", "français"…); the code when unknown. */
export function languageName(code: string, locale: string) {
  if (!languageNames.has(locale)) {
    try {
      languageNames.set(locale, new Intl.DisplayNames([locale], { type: "language" }));
    } catch {
      languageNames.set(locale, null);
    }
  }
  return languageNames.get(locale)?.of(code) ?? code;
}

/** A language combination key ("en+fr") as names joined by " + ". */
export function combinationName(key: string, locale: string) {
  return key
    .split("+")
    .map((code) => languageName(code, locale))
    .join(" + ");
}

/** A text kept in several languages: { en: "…", fr: "…" }. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** The text in `locale`, else English, else any language there is; with the language actually shown (for a `lang` attribute). */
export function pickLocalizedWithLanguage(text: LocalizedText | null | undefined, locale: Locale): { text: string; locale: Locale } {
  if (!text) return { text: "", locale };
  if (text[locale]) return { text: text[locale], locale };
  if (text[DEFAULT_LOCALE]) return { text: text[DEFAULT_LOCALE], locale: DEFAULT_LOCALE };
  const other = (Object.keys(text) as Locale[]).find((language) => text[language]);
  return other ? { text: text[other]!, locale: other } : { text: "", locale };
}

/** The text in `locale`, else English, else any language there is. */
export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): string {
  return pickLocalizedWithLanguage(text, locale).text;
}
