import type { Locale } from "~/utils/i18n";

/** The kinds of content that search covers; each area feeds its own through the search module. */
export const SEARCH_KINDS = ["resource", "course", "lesson", "hub_post", "observation"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable text in one language. Every area turns its content into these (a resource
 * edition, a course, a lesson translation…) and the search module indexes them, in Meilisearch
 * or in the PostgreSQL fallback, the same way.
 */
export type SearchDocument = {
  /** Unique and stable: `<kind>:<key>:<locale>`, e.g. `lesson:review-mechanism/02-groups-and-pairing:fr`. */
  id: string;
  kind: SearchKind;
  /** Groups the language editions of one item: `<kind>:<key>`. */
  itemId: string;
  locale: Locale;
  title: string;
  summary: string;
  /** Plain text, no markup. */
  body: string;
  /** Path without the locale prefix, e.g. `/courses/review-mechanism/02-groups-and-pairing`. */
  path: string;
  /** Resource type (manual, legislative_guide…) or the kind again for other content. */
  type: string;
  instruments: string[];
  /** `<instrument>:<number>`, e.g. `untoc:5`. */
  articles: string[];
  clusters: string[];
  stages: string[];
  audiences: string[];
  /** ISO alpha-3 for country documents. */
  country: string | null;
  year: number | null;
};
