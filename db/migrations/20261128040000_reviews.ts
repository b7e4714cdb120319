import { sql, type Kysely } from "kysely";

/**
 * Review status: parties, country reviews, focal points, the history of date changes, imports,
 * follows and the generic notification queue. A review's stage is not a column: it is derived
 * from the dates and the current focal points (app/modules/reviews/stage.ts).
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table party (
      code text primary key check (code ~ '^[A-Z]{3}$'),
      name text not null check (length(name) between 1 and 200),
      names jsonb not null default '{}'::jsonb,
      alpha2 text check (alpha2 ~ '^[A-Z]{2}$'),
      kind text not null check (kind in ('state','regional_organization')),
      review_group smallint not null check (review_group between 1 and 3),
      joined_on date not null,
      trafficking_in_persons_on date,
      smuggling_of_migrants_on date,
      firearms_on date,
      redraws smallint not null default 0 check (redraws between 0 and 4),
      pilot_initiative boolean not null default false,
      observers boolean not null default false,
      experts_women integer not null default 0 check (experts_women >= 0),
      experts_men integer not null default 0 check (experts_men >= 0),
      updated_at timestamptz not null default now()
    );
    create index party_review_group_idx on party (review_group);

    create table country_review (
      id bigserial primary key,
      cluster text not null check (cluster in ('I','II','III','IV')),
      state_under_review text not null references party(code) on delete cascade,
      reviewer_1 text not null references party(code) on delete cascade,
      reviewer_2 text not null references party(code) on delete cascade,
      languages text[] not null default '{}' check (languages <@ array['ar','zh','en','fr','ru','es']::text[] and cardinality(languages) <= 3),
      initial_consultation_on date,
      saq_submitted_on date,
      feedback_submitted_on date,
      observations_final_on date,
      updated_at timestamptz not null default now(),
      check (reviewer_1 <> state_under_review and reviewer_2 <> state_under_review and reviewer_1 <> reviewer_2),
      check (saq_submitted_on is null or (initial_consultation_on is not null and saq_submitted_on >= initial_consultation_on)),
      check (feedback_submitted_on is null or (saq_submitted_on is not null and feedback_submitted_on >= saq_submitted_on)),
      check (observations_final_on is null or (feedback_submitted_on is not null and observations_final_on >= feedback_submitted_on))
    );
    create unique index country_review_cluster_state_key on country_review (cluster, state_under_review);
    create index country_review_state_idx on country_review (state_under_review);
    create index country_review_reviewer_1_idx on country_review (reviewer_1);
    create index country_review_reviewer_2_idx on country_review (reviewer_2);

    -- Who changed which date of which review, and when. Keyed by cluster and party rather than by
    -- the review's id so that the history of a review removed by an import stays readable.
    create table country_review_history (
      id bigserial primary key,
      cluster text not null,
      state_under_review text not null,
      field text not null,
      old_value text,
      new_value text,
      import_id bigint,
      changed_by text references app_user(id) on delete set null,
      changed_at timestamptz not null default now()
    );
    create index country_review_history_review_idx on country_review_history (state_under_review, cluster, changed_at desc);

    create table focal_point (
      id bigserial primary key,
      party_code text not null references party(code) on delete cascade,
      ministry text not null check (ministry in ('foreign_affairs','justice','interior','other')),
      gender text not null check (gender in ('female','male','other','undisclosed')),
      designated_on date not null,
      replaced_on date,
      name text check (length(name) <= 200),
      email text check (length(email) <= 254),
      check (replaced_on is null or replaced_on > designated_on)
    );
    create index focal_point_party_idx on focal_point (party_code);

    -- Every upload (dry run) and whether and by whom it was applied; the files are kept so the
    -- secretariat can apply what it has just checked without uploading again.
    create table review_import (
      id bigserial primary key,
      created_by text references app_user(id) on delete set null,
      created_at timestamptz not null default now(),
      source text not null check (source in ('upload','cli','seed')),
      files jsonb not null,
      as_of date,
      problem_count integer not null,
      summary jsonb not null,
      applied_at timestamptz,
      applied_by text references app_user(id) on delete set null
    );
    create index review_import_created_at_idx on review_import (created_at desc);
    create index review_import_applied_at_idx on review_import (applied_at desc) where applied_at is not null;

    create table country_follow (
      user_id text not null references app_user(id) on delete cascade,
      party_code text not null references party(code) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, party_code)
    );
    create index country_follow_party_idx on country_follow (party_code);

    -- Generic queue of things to tell a user about; digests read the unsent rows.
    create table notification (
      id bigserial primary key,
      user_id text not null references app_user(id) on delete cascade,
      kind text not null,
      payload jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index notification_user_idx on notification (user_id, created_at desc);
    create index notification_unsent_idx on notification (created_at) where sent_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table notification, country_follow, review_import, focal_point, country_review_history, country_review, party`.execute(db);
}
