import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, NullableTimestamp } from "./platform";

type Json<T> = ColumnType<T, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export const VISIBILITIES = ["public", "members", "private"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
/** The profile fields that carry a visibility of their own, besides the profile as a whole. */
export const PROFILE_FIELDS = ["organization", "country", "languages", "expertise", "follows", "bio", "links", "certificates"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const DIGEST_FREQUENCIES = ["daily", "weekly", "monthly", "never"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const POST_KINDS = ["news", "event", "question", "resource"] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const CONTENT_STATUSES = ["held", "published", "hidden", "deleted"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const REPORT_REASONS = ["spam", "abuse", "off_topic", "personal_data", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportTarget = "post" | "comment";
export const FOLLOW_TARGETS = ["member", "tag", "dialogue"] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];
export type ProfileLink = { label: string; url: string };

export interface HubProfileTable {
  user_id: string;
  pseudonym: string | null;
  bio: Defaulted<string>;
  languages: TextArray;
  expertise_instruments: TextArray;
  expertise_articles: TextArray;
  expertise_clusters: TextArray;
  links: Json<ProfileLink[]>;
  profile_visibility: Defaulted<Visibility>;
  organization_visibility: Defaulted<Visibility>;
  country_visibility: Defaulted<Visibility>;
  languages_visibility: Defaulted<Visibility>;
  expertise_visibility: Defaulted<Visibility>;
  follows_visibility: Defaulted<Visibility>;
  bio_visibility: Defaulted<Visibility>;
  links_visibility: Defaulted<Visibility>;
  certificates_visibility: Defaulted<Visibility>;
  digest_frequency: Defaulted<DigestFrequency>;
  illustrative: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HubPostTable {
  id: Generated<number>;
  author_id: string | null;
  kind: PostKind;
  title: string;
  body: string;
  locale: string;
  instruments: TextArray;
  articles: TextArray;
  clusters: TextArray;
  countries: TextArray;
  tags: TextArray;
  event_starts_at: NullableTimestamp;
  event_ends_at: NullableTimestamp;
  event_time_zone: string | null;
  event_place: string | null;
  resource_url: string | null;
  accepted_comment_id: number | null;
  status: Defaulted<ContentStatus>;
  moderation_reason: Defaulted<string>;
  moderated_by: string | null;
  moderated_at: NullableTimestamp;
  illustrative: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  last_activity_at: UpdatedAt;
}

export interface HubCommentTable {
  id: Generated<number>;
  post_id: number;
  author_id: string | null;
  body: string;
  status: Defaulted<ContentStatus>;
  moderation_reason: Defaulted<string>;
  moderated_by: string | null;
  moderated_at: NullableTimestamp;
  illustrative: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HubReactionTable {
  target_type: ReportTarget;
  target_id: number;
  user_id: string;
  created_at: CreatedAt;
}

export interface HubReportTable {
  id: Generated<number>;
  target_type: ReportTarget;
  target_id: number;
  reporter_id: string | null;
  reason: ReportReason;
  details: Defaulted<string>;
  created_at: CreatedAt;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution: "hidden" | "restored" | "dismissed" | null;
}

export interface HubSettingTable {
  key: string;
  value: Json<unknown>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface HubFollowTable {
  user_id: string;
  target_type: FollowTarget;
  target_key: string;
  created_at: CreatedAt;
}

export interface HubDigestTable {
  user_id: string;
  frequency: Exclude<DigestFrequency, "never">;
  period_start: ColumnType<Date, string, never>;
  notification_count: number;
  mail_id: number | null;
  created_at: CreatedAt;
}

export interface HubTables {
  hub_profile: HubProfileTable;
  hub_post: HubPostTable;
  hub_comment: HubCommentTable;
  hub_reaction: HubReactionTable;
  hub_report: HubReportTable;
  hub_setting: HubSettingTable;
  hub_follow: HubFollowTable;
  hub_digest: HubDigestTable;
}
