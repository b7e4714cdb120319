/** Formatting shared by server and browser. Dates are calendar dates: formatted in UTC. */

/**
 * A publication date as precisely as it is known: "2017", "June 2020" or "18 June 2020" in the
 * reader's language. A year alone is stored as its 1 January and never shown as that day.
 */
export function formatPublished(date: string, precision: "year" | "month" | "day", locale: string) {
  const options: Intl.DateTimeFormatOptions =
    precision === "year" ? { year: "numeric" } : precision === "month" ? { year: "numeric", month: "long" } : { dateStyle: "long" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
