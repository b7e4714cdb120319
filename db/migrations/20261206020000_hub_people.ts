import { sql, type Kysely } from "kysely";

/**
 * What the hub's people side needs besides the hub migration: mail headers (a digest carries
 * `List-Unsubscribe`), a place for secrets the instances must share (the key that signs
 * unsubscribe links, made on first use), and indexes for the directory's filters by country
 * and organization kind and for "works on the review of".
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    alter table mail_outbox add column headers jsonb not null default '{}'::jsonb;

    create table app_secret (
      name text primary key check (name ~ '^[a-z][a-z_]{0,59}$'),
      value text not null,
      created_at timestamptz not null default now()
    );

    create index app_user_country_idx on app_user (country_code) where deleted_at is null and suspended_at is null;
    create index hub_profile_clusters_idx on hub_profile using gin (expertise_clusters);
    create index country_follow_party_user_idx on country_follow (party_code, user_id);
    create index hub_digest_mail_idx on hub_digest (mail_id);
    create index notification_user_unsent_idx on notification (user_id) where sent_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`
    drop index notification_user_unsent_idx, hub_digest_mail_idx, country_follow_party_user_idx, hub_profile_clusters_idx, app_user_country_idx;
    drop table app_secret;
    alter table mail_outbox drop column headers;
  `.execute(db);
}
