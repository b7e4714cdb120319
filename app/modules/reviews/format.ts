/** Formatting of review-status values for display (browser-safe). */

// Intl formatters are costly to build and pages format hundreds of values: one per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const languageNames = new Map<string, Intl.DisplayNames | null>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached number format for `locale`. */
export function numberFormat(locale: string) {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) in the reader's language; dates carry no time zone. */
export function formatDate(date: string | null | undefined, locale: string) {
  if (!date) return "";
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** A working language's name in the reader's language ("fr" → "French", "français"…). */
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
