import { sql, type Kysely } from "kysely";

/**
 * The knowledge hub: member profiles with a visibility per field, posts and one level of
 * comments, "useful" reactions, reports and moderation, follows of members, tags and dialogues
 * (countries keep `country_follow`), read state for in-app notifications, and one row per digest
 * sent so that a digest goes out at most once per member and period, whatever the number of
 * workers. Accounts are never deleted outright: `app_user.deleted_at` marks one erased, its
 * posts stay as "deleted member" and its registrations stay, anonymized, for statistics.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    alter table app_user
      add column deleted_at timestamptz,
      add column suspended_at timestamptz,
      add column suspension_reason text not null default '' check (length(suspension_reason) <= 1000);

    -- Who may see a profile field: anyone, signed-in members, or no one but its owner and the secretariat.
    create table hub_profile (
      user_id text primary key references app_user(id) on delete cascade,
      -- Shown instead of the account's display name everywhere in the hub when set.
      pseudonym text check (pseudonym is null or length(pseudonym) between 1 and 80),
      bio text not null default '' check (length(bio) <= 2000),
      languages text[] not null default '{}',
      expertise_instruments text[] not null default '{}',
      expertise_articles text[] not null default '{}',
      expertise_clusters text[] not null default '{}',
      -- [{ "label": "...", "url": "https://..." }], at most a few, validated by the module.
      links jsonb not null default '[]'::jsonb,
      profile_visibility text not null default 'members' check (profile_visibility in ('public','members','private')),
      organization_visibility text not null default 'members' check (organization_visibility in ('public','members','private')),
      country_visibility text not null default 'members' check (country_visibility in ('public','members','private')),
      languages_visibility text not null default 'members' check (languages_visibility in ('public','members','private')),
      expertise_visibility text not null default 'members' check (expertise_visibility in ('public','members','private')),
      follows_visibility text not null default 'private' check (follows_visibility in ('public','members','private')),
      bio_visibility text not null default 'members' check (bio_visibility in ('public','members','private')),
      links_visibility text not null default 'members' check (links_visibility in ('public','members','private')),
      certificates_visibility text not null default 'private' check (certificates_visibility in ('public','members','private')),
      digest_frequency text not null default 'monthly' check (digest_frequency in ('daily','weekly','monthly','never')),
      -- Demo profiles say on every page that they are illustrative.
      illustrative boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index hub_profile_languages_idx on hub_profile using gin (languages);
    create index hub_profile_articles_idx on hub_profile using gin (expertise_articles);
    create index hub_profile_instruments_idx on hub_profile using gin (expertise_instruments);

    create table hub_post (
      id integer generated always as identity primary key,
      -- Kept when the author's account is erased: the post shows "deleted member".
      author_id text references app_user(id) on delete set null,
      kind text not null check (kind in ('news','event','question','resource')),
      title text not null check (length(title) between 1 and 200),
      body text not null check (length(body) between 1 and 20000),
      locale text not null check (locale in ('ar','zh','en','fr','ru','es','pt')),
      instruments text[] not null default '{}',
      articles text[] not null default '{}',
      clusters text[] not null default '{}',
      countries text[] not null default '{}',
      tags text[] not null default '{}',
      event_starts_at timestamptz,
      event_ends_at timestamptz,
      event_time_zone text,
      event_place text check (event_place is null or length(event_place) <= 300),
      resource_url text check (resource_url is null or resource_url ~ '^https?://'),
      accepted_comment_id integer,
      status text not null default 'published' check (status in ('held','published','hidden','deleted')),
      moderation_reason text not null default '' check (length(moderation_reason) <= 1000),
      moderated_by text references app_user(id) on delete set null,
      moderated_at timestamptz,
      illustrative boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_activity_at timestamptz not null default now(),
      check ((kind = 'event') = (event_starts_at is not null)),
      check (event_ends_at is null or event_ends_at >= event_starts_at)
    );
    create index hub_post_feed_idx on hub_post (last_activity_at desc, id desc) where status = 'published';
    create index hub_post_author_idx on hub_post (author_id, created_at desc);
    create index hub_post_kind_idx on hub_post (kind, last_activity_at desc) where status = 'published';
    create index hub_post_tags_idx on hub_post using gin (tags);
    create index hub_post_countries_idx on hub_post using gin (countries);
    create index hub_post_articles_idx on hub_post using gin (articles);
    create index hub_post_instruments_idx on hub_post using gin (instruments);
    create index hub_post_clusters_idx on hub_post using gin (clusters);
    create index hub_post_held_idx on hub_post (created_at) where status = 'held';

    -- One level deep: a comment belongs to a post, never to another comment.
    create table hub_comment (
      id integer generated always as identity primary key,
      post_id integer not null references hub_post(id) on delete cascade,
      author_id text references app_user(id) on delete set null,
      body text not null check (length(body) between 1 and 10000),
      status text not null default 'published' check (status in ('held','published','hidden','deleted')),
      moderation_reason text not null default '' check (length(moderation_reason) <= 1000),
      moderated_by text references app_user(id) on delete set null,
      moderated_at timestamptz,
      illustrative boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index hub_comment_post_idx on hub_comment (post_id, created_at, id);
    create index hub_comment_author_idx on hub_comment (author_id, created_at desc);
    alter table hub_post add constraint hub_post_accepted_comment_fk
      foreign key (accepted_comment_id) references hub_comment(id) on delete set null;

    -- "Useful": one per member and post or comment.
    create table hub_reaction (
      target_type text not null check (target_type in ('post','comment')),
      target_id integer not null,
      user_id text not null references app_user(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (target_type, target_id, user_id)
    );

    -- A member reporting the same thing twice counts once.
    create table hub_report (
      id integer generated always as identity primary key,
      target_type text not null check (target_type in ('post','comment')),
      target_id integer not null,
      reporter_id text references app_user(id) on delete set null,
      reason text not null check (reason in ('spam','abuse','off_topic','personal_data','other')),
      details text not null default '' check (length(details) <= 1000),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by text references app_user(id) on delete set null,
      resolution text check (resolution in ('hidden','restored','dismissed'))
    );
    create unique index hub_report_once_key on hub_report (target_type, target_id, reporter_id);
    create index hub_report_open_idx on hub_report (created_at) where resolved_at is null;

    -- Settings the secretariat changes at run time, e.g. holding new members' first posts.
    create table hub_setting (
      key text primary key,
      value jsonb not null,
      updated_by text references app_user(id) on delete set null,
      updated_at timestamptz not null default now()
    );

    -- Follows of members, tags and dialogues. Countries are followed through country_follow,
    -- which covers both review-stage changes and posts tagged with the country.
    -- target_key: a user id, a tag ("instrument:<code>", "article:<instrument>:<n>",
    -- "cluster:<code>", "tag:<free tag>") or a dialogue id.
    create table hub_follow (
      user_id text not null references app_user(id) on delete cascade,
      target_type text not null check (target_type in ('member','tag','dialogue')),
      target_key text not null check (length(target_key) between 1 and 200),
      created_at timestamptz not null default now(),
      primary key (user_id, target_type, target_key)
    );
    create index hub_follow_target_idx on hub_follow (target_type, target_key);

    alter table notification add column read_at timestamptz;
    create index notification_unread_idx on notification (user_id) where read_at is null;

    -- One row per digest sent: the primary key is the once-only guarantee.
    create table hub_digest (
      user_id text not null references app_user(id) on delete cascade,
      frequency text not null check (frequency in ('daily','weekly','monthly')),
      -- The period's first day in UTC, e.g. 2026-12-01 for December's monthly digest.
      period_start date not null,
      notification_count integer not null,
      mail_id bigint references mail_outbox(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (user_id, frequency, period_start)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`
    drop table hub_digest, hub_follow, hub_setting, hub_report, hub_reaction;
    alter table hub_post drop constraint hub_post_accepted_comment_fk;
    drop table hub_comment, hub_post, hub_profile;
    drop index notification_unread_idx;
    alter table notification drop column read_at;
    alter table app_user drop column deleted_at, drop column suspended_at, drop column suspension_reason;
  `.execute(db);
}
