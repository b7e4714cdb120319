import { sql, type Kysely } from "kysely";

/**
 * Constructive dialogues: the events, their agenda topics and facilitators, registrations with
 * seats per attendance mode and a waiting list, and the chair's numbered observations with
 * their edit history. Seats are decided under a lock on the dialogue row (see
 * app/modules/dialogues/registration.server.ts); the partial unique indexes below make the two
 * invariants hold even if that code were wrong: one live registration per member and dialogue,
 * and one check-in code per registration.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table dialogue (
      id integer generated always as identity primary key,
      title jsonb not null,
      description jsonb not null default '{}'::jsonb,
      session_code text not null check (session_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      session_title jsonb not null default '{}'::jsonb,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      time_zone text not null,
      format text not null check (format in ('in_person','online','hybrid')),
      venue text not null default '' check (length(venue) <= 300),
      online_url text check (online_url is null or online_url ~ '^https://'),
      capacity_in_person integer not null default 0 check (capacity_in_person >= 0),
      capacity_online integer not null default 0 check (capacity_online >= 0),
      registration_opens_at timestamptz,
      registration_closes_at timestamptz,
      approval_required boolean not null default false,
      eligible_kinds text[] not null default '{ngo,academia,private_sector,igo,government,other}',
      course_slug text,
      course_rule text check (course_rule in ('required','priority')),
      state text not null default 'draft' check (state in ('draft','open','closed','held','summary_published')),
      -- Demo dialogues say on every page that they are illustrative.
      illustrative boolean not null default false,
      summary_published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check ((course_slug is null) = (course_rule is null))
    );
    create index dialogue_starts_at_idx on dialogue (starts_at);

    create table dialogue_topic (
      dialogue_id integer not null references dialogue(id) on delete cascade,
      code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      position integer not null,
      title jsonb not null,
      clusters text[] not null default '{}',
      articles text[] not null default '{}',
      primary key (dialogue_id, code)
    );

    create table dialogue_facilitator (
      dialogue_id integer not null references dialogue(id) on delete cascade,
      user_id text not null references app_user(id) on delete cascade,
      primary key (dialogue_id, user_id)
    );
    create index dialogue_facilitator_user_idx on dialogue_facilitator (user_id);

    create table dialogue_registration (
      id bigint generated always as identity primary key,
      dialogue_id integer not null references dialogue(id) on delete cascade,
      -- Null once the member's account is deleted: the registration stays, anonymized, for statistics.
      user_id text references app_user(id) on delete set null,
      mode text not null check (mode in ('in_person','online')),
      status text not null check (status in ('pending','confirmed','waitlisted','declined','cancelled')),
      priority boolean not null default false,
      waitlisted_at timestamptz,
      organization_name text not null check (length(organization_name) between 1 and 200),
      organization_kind text not null check (organization_kind in ('ngo','academia','private_sector','igo','government','other')),
      country_code char(3),
      statement text not null default '' check (length(statement) <= 2000),
      accessibility_needs text not null default '' check (length(accessibility_needs) <= 1000),
      list_publicly boolean not null default false,
      locale text not null default 'en' check (locale in ('ar','zh','en','fr','ru','es','pt')),
      check_in_code text not null check (check_in_code ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}$'),
      attended_at timestamptz,
      decision_reason text not null default '' check (length(decision_reason) <= 1000),
      reminder_sent_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'waitlisted') = (waitlisted_at is not null))
    );
    create unique index dialogue_registration_member_key on dialogue_registration (dialogue_id, user_id) where user_id is not null;
    create unique index dialogue_registration_code_key on dialogue_registration (check_in_code);
    -- Seat counts and the head of each waiting list.
    create index dialogue_registration_seats_idx on dialogue_registration (dialogue_id, mode, status, priority desc, waitlisted_at, id);
    create index dialogue_registration_user_idx on dialogue_registration (user_id);

    create table dialogue_observation (
      id bigint generated always as identity primary key,
      dialogue_id integer not null references dialogue(id) on delete cascade,
      position integer not null,
      body text not null check (length(body) between 1 and 5000),
      topics text[] not null default '{}',
      clusters text[] not null default '{}',
      articles text[] not null default '{}',
      stakeholder_kinds text[] not null default '{}',
      status text not null default 'draft' check (status in ('draft','published')),
      merged_into_id bigint references dialogue_observation(id) on delete set null,
      created_by text references app_user(id) on delete set null,
      updated_by text references app_user(id) on delete set null,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index dialogue_observation_dialogue_idx on dialogue_observation (dialogue_id, position);
    create index dialogue_observation_published_idx on dialogue_observation (published_at desc) where status = 'published' and merged_into_id is null;
    create index dialogue_observation_articles_idx on dialogue_observation using gin (articles);

    create table dialogue_observation_revision (
      id bigint generated always as identity primary key,
      observation_id bigint not null references dialogue_observation(id) on delete cascade,
      body text not null,
      topics text[] not null,
      clusters text[] not null,
      articles text[] not null,
      stakeholder_kinds text[] not null,
      status text not null,
      edited_by text references app_user(id) on delete set null,
      note text not null default '',
      created_at timestamptz not null default now()
    );
    create index dialogue_observation_revision_idx on dialogue_observation_revision (observation_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table dialogue_observation_revision, dialogue_observation, dialogue_registration, dialogue_facilitator, dialogue_topic, dialogue`.execute(db);
}
