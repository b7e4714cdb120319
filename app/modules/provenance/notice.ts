/**
 * The illustrative-data notice, as pages, exports and the browser see it. Client-safe: plain
 * types and functions, no database. The server side is provenance.server.ts.
 */
import type { Locale } from "~/utils/i18n";

/** Data sets whose provenance is recorded in `data_source` (library resources carry their own flag). */
export const DATASETS = ["reviews", "library", "dialogues", "hub"] as const;
export type Dataset = (typeof DATASETS)[number];

/**
 * What a page or an export needs to say that data are illustrative. Null (no notice) once the
 * data set holds real data.
 */
export type DataNotice = {
  dataset: Dataset;
  /** Where the data come from, as recorded by the seed or the import. */
  description: string;
  /** The recorded explanation in the page's language (English when none was given in it). */
  note: string | null;
};

/** The recorded explanation in `locale`, else in English, else none. */
export function noteIn(notes: Record<string, string> | null | undefined, locale: Locale): string | null {
  return notes?.[locale] || notes?.en || null;
}
