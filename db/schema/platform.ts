import type { ColumnType, Generated } from "kysely";

/** A timestamp column: read as Date, written as Date or ISO string, defaulted by the database. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const ROLES = ["member", "facilitator", "secretariat"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ["ngo", "academia", "private_sector", "igo", "government", "other"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface AppUserTable {
  id: string;
  email: string;
  email_verified_at: NullableTimestamp;
  password_hash: string;
  display_name: string;
  organization_name: string;
  organization_kind: OrganizationKind;
  country_code: string | null;
  role: ColumnType<Role, Role | undefined, Role>;
  preferred_locale: ColumnType<string, string | undefined, string>;
  /** Set when the member erased the account: personal fields are blanked, the row stays for references. */
  deleted_at: NullableTimestamp;
  /** Set while the secretariat suspends the member: no sign-in, no posting. */
  suspended_at: NullableTimestamp;
  suspension_reason: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
}

export interface AuthTokenTable {
  token_hash: string;
  user_id: string;
  purpose: "verify_email" | "reset_password";
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface RateLimitTable {
  bucket: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  kind: string;
  /** Extra headers for delivery, e.g. List-Unsubscribe on a digest. */
  headers: ColumnType<Record<string, string>, string | undefined, never>;
  status: ColumnType<"stored" | "pending" | "sent" | "failed", "stored" | "pending" | undefined, "sent" | "failed" | "pending">;
  error: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  created_at: CreatedAt;
}

/**
 * Where a data set shown on the platform comes from, and whether it is illustrative: pages and
 * exports of that data set show a notice while `illustrative` is true (app/modules/provenance).
 */
export interface DataSourceTable {
  dataset: string;
  illustrative: boolean;
  description: string;
  /** An explanation per locale, shown with the notice; optional. */
  notes: ColumnType<Record<string, string>, string | undefined, string>;
  review_import_id: number | null;
  recorded_by: string | null;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Secrets every instance must agree on, made on first use (e.g. the key of unsubscribe links). */
export interface AppSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

export interface PlatformTables {
  app_secret: AppSecretTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  auth_token: AuthTokenTable;
  rate_limit: RateLimitTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  data_source: DataSourceTable;
}
