import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, NullableTimestamp } from "./platform";

/** A calendar date as an ISO string (YYYY-MM-DD): the pg DATE parser keeps it a string. */
type DateColumn = string;
type NullableDate = string | null;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PartyTable {
  code: string;
  name: string;
  names: Json<Record<string, string>>;
  alpha2: string | null;
  kind: "state" | "regional_organization";
  review_group: number;
  joined_on: DateColumn;
  trafficking_in_persons_on: NullableDate;
  smuggling_of_migrants_on: NullableDate;
  firearms_on: NullableDate;
  redraws: ColumnType<number, number | undefined, number>;
  pilot_initiative: ColumnType<boolean, boolean | undefined, boolean>;
  observers: ColumnType<boolean, boolean | undefined, boolean>;
  experts_women: ColumnType<number, number | undefined, number>;
  experts_men: ColumnType<number, number | undefined, number>;
  updated_at: UpdatedAt;
}

export interface CountryReviewTable {
  id: Generated<number>;
  cluster: string;
  state_under_review: string;
  reviewer_1: string;
  reviewer_2: string;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  initial_consultation_on: NullableDate;
  saq_submitted_on: NullableDate;
  feedback_submitted_on: NullableDate;
  observations_final_on: NullableDate;
  updated_at: UpdatedAt;
}

export interface CountryReviewHistoryTable {
  id: Generated<number>;
  cluster: string;
  state_under_review: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  import_id: number | null;
  changed_by: string | null;
  changed_at: CreatedAt;
}

export interface FocalPointTable {
  id: Generated<number>;
  party_code: string;
  ministry: "foreign_affairs" | "justice" | "interior" | "other";
  gender: "female" | "male" | "other" | "undisclosed";
  designated_on: DateColumn;
  replaced_on: NullableDate;
  name: string | null;
  email: string | null;
}

export interface ReviewImportTable {
  id: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  source: "upload" | "cli" | "seed";
  files: Json<Record<string, string>>;
  as_of: NullableDate;
  /** Where the imported data come from, as the importer stated it. */
  description: string | null;
  illustrative: ColumnType<boolean, boolean | undefined, boolean>;
  problem_count: number;
  summary: Json;
  applied_at: NullableTimestamp;
  applied_by: string | null;
}

export interface CountryFollowTable {
  user_id: string;
  party_code: string;
  created_at: CreatedAt;
}

/** Generic: any area may queue a notification; the digest job marks it sent. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  payload: Json;
  created_at: CreatedAt;
  /** Set when a digest e-mail carried it. */
  sent_at: NullableTimestamp;
  /** Set when the member saw it in /account/notifications. */
  read_at: NullableTimestamp;
}

export interface ReviewTables {
  party: PartyTable;
  country_review: CountryReviewTable;
  country_review_history: CountryReviewHistoryTable;
  focal_point: FocalPointTable;
  review_import: ReviewImportTable;
  country_follow: CountryFollowTable;
  notification: NotificationTable;
}
