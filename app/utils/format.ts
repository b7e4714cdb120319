/**
 * Formatting of dates and times for display, the same on server and browser: every format names
 * its time zone, so the server's render and the browser's hydration produce the same text.
 */

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
