import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, NullableTimestamp } from "./platform";

export type LocalizedText = Partial<Record<"ar" | "zh" | "en" | "fr" | "ru" | "es" | "pt", string>>;
type Json<T> = ColumnType<T, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export const RESOURCE_TYPES = [
  "manual",
  "guide",
  "legislative_guide",
  "model_law",
  "model_provisions",
  "elearning",
  "toolkit",
  "compendium",
  "chairs_summary",
  "saq_response",
  "list_of_observations",
  "report",
  "other",
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface InstrumentTable {
  code: string;
  kind: "convention" | "protocol";
  position: number;
  adopted_on: string | null;
  in_force_on: string | null;
  title: Json<LocalizedText>;
  short_title: Json<LocalizedText>;
}

export interface ClusterTable {
  code: string;
  position: number;
  title: Json<LocalizedText>;
}

export interface ArticleTable {
  instrument_code: string;
  number: string;
  position: number;
  title: Json<LocalizedText>;
  cluster_code: string | null;
}

export interface ReviewStageTable {
  code: string;
  position: number;
  title: Json<LocalizedText>;
  description: Json<LocalizedText>;
  stakeholders: Json<LocalizedText>;
}

export type DatePrecision = "year" | "month" | "day";

export interface ResourceTable {
  id: Generated<number>;
  slug: string;
  type: ResourceType;
  published_on: string;
  /** How much of published_on is known: a year alone is stored as its 1 January. */
  published_precision: ColumnType<DatePrecision, DatePrecision | undefined, DatePrecision>;
  /** Where an exact publication date was taken from (a URL or a document symbol). */
  date_source: string | null;
  /** A demonstration record, not a real document: shown with the illustrative-data notice. */
  illustrative: ColumnType<boolean, boolean | undefined, boolean>;
  issuing_body: string;
  symbol: string | null;
  country_code: string | null;
  supersedes_id: number | null;
  status: ColumnType<"published" | "unpublished", "published" | "unpublished" | undefined>;
  origin: ColumnType<"content" | "admin", "content" | "admin" | undefined, never>;
  instruments: TextArray;
  articles: TextArray;
  clusters: TextArray;
  stages: TextArray;
  audiences: TextArray;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ResourceEditionTable {
  resource_id: number;
  locale: string;
  title: string;
  summary: string;
  body: ColumnType<string, string | undefined, string>;
  external_url: string | null;
  file_key: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
}

export interface SearchDocumentTable {
  id: string;
  kind: string;
  item_id: string;
  locale: string;
  title: string;
  summary: string;
  body: string;
  path: string;
  type: string;
  instruments: TextArray;
  articles: TextArray;
  clusters: TextArray;
  stages: TextArray;
  audiences: TextArray;
  country: string | null;
  year: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  tsv: ColumnType<string, never, never>;
}

export interface SearchOutboxTable {
  id: Generated<number>;
  document_id: string;
  created_at: CreatedAt;
  processed_at: NullableTimestamp;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
}

export interface LibraryTables {
  instrument: InstrumentTable;
  cluster: ClusterTable;
  article: ArticleTable;
  review_stage: ReviewStageTable;
  resource: ResourceTable;
  resource_edition: ResourceEditionTable;
  search_document: SearchDocumentTable;
  search_outbox: SearchOutboxTable;
}
