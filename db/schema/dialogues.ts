import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, NullableTimestamp, OrganizationKind, Timestamp } from "./platform";
import type { LocalizedText } from "./library";

type Json<T> = ColumnType<T, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export const DIALOGUE_FORMATS = ["in_person", "online", "hybrid"] as const;
export type DialogueFormat = (typeof DIALOGUE_FORMATS)[number];
export const DIALOGUE_STATES = ["draft", "open", "closed", "held", "summary_published"] as const;
export type DialogueState = (typeof DIALOGUE_STATES)[number];
export const ATTENDANCE_MODES = ["in_person", "online"] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];
export const REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted", "declined", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type CourseRule = "required" | "priority";

export interface DialogueTable {
  id: Generated<number>;
  title: Json<LocalizedText>;
  description: Json<LocalizedText>;
  session_code: string;
  session_title: Json<LocalizedText>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  format: DialogueFormat;
  venue: ColumnType<string, string | undefined, string>;
  online_url: string | null;
  capacity_in_person: ColumnType<number, number | undefined, number>;
  capacity_online: ColumnType<number, number | undefined, number>;
  registration_opens_at: NullableTimestamp;
  registration_closes_at: NullableTimestamp;
  approval_required: ColumnType<boolean, boolean | undefined, boolean>;
  eligible_kinds: ColumnType<OrganizationKind[], OrganizationKind[] | undefined, OrganizationKind[]>;
  course_slug: string | null;
  course_rule: CourseRule | null;
  state: ColumnType<DialogueState, DialogueState | undefined, DialogueState>;
  illustrative: ColumnType<boolean, boolean | undefined, boolean>;
  summary_published_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DialogueTopicTable {
  dialogue_id: number;
  code: string;
  position: number;
  title: Json<LocalizedText>;
  clusters: TextArray;
  articles: TextArray;
}

export interface DialogueFacilitatorTable {
  dialogue_id: number;
  user_id: string;
}

export interface DialogueRegistrationTable {
  id: Generated<number>;
  dialogue_id: number;
  user_id: string | null;
  mode: AttendanceMode;
  status: RegistrationStatus;
  priority: ColumnType<boolean, boolean | undefined, boolean>;
  waitlisted_at: NullableTimestamp;
  organization_name: string;
  organization_kind: OrganizationKind;
  country_code: string | null;
  statement: ColumnType<string, string | undefined, string>;
  accessibility_needs: ColumnType<string, string | undefined, string>;
  list_publicly: ColumnType<boolean, boolean | undefined, boolean>;
  locale: ColumnType<string, string | undefined, string>;
  check_in_code: string;
  attended_at: NullableTimestamp;
  decision_reason: ColumnType<string, string | undefined, string>;
  reminder_sent_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ObservationStatus = "draft" | "published";

export interface DialogueObservationTable {
  id: Generated<number>;
  dialogue_id: number;
  position: number;
  body: string;
  topics: TextArray;
  clusters: TextArray;
  articles: TextArray;
  stakeholder_kinds: TextArray;
  status: ColumnType<ObservationStatus, ObservationStatus | undefined, ObservationStatus>;
  merged_into_id: number | null;
  created_by: string | null;
  updated_by: string | null;
  published_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DialogueObservationRevisionTable {
  id: Generated<number>;
  observation_id: number;
  body: string;
  topics: string[];
  clusters: string[];
  articles: string[];
  stakeholder_kinds: string[];
  status: string;
  edited_by: string | null;
  note: ColumnType<string, string | undefined, never>;
  created_at: CreatedAt;
}

export interface DialogueTables {
  dialogue: DialogueTable;
  dialogue_topic: DialogueTopicTable;
  dialogue_facilitator: DialogueFacilitatorTable;
  dialogue_registration: DialogueRegistrationTable;
  dialogue_observation: DialogueObservationTable;
  dialogue_observation_revision: DialogueObservationRevisionTable;
}
