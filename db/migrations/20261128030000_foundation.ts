import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>) {
  await sql`
    create table app_user (
      id text primary key,
      email text not null,
      email_verified_at timestamptz,
      password_hash text not null,
      display_name text not null check (length(display_name) between 1 and 120),
      organization_name text not null check (length(organization_name) between 1 and 200),
      organization_kind text not null check (organization_kind in ('ngo','academia','private_sector','igo','government','other')),
      country_code char(3),
      role text not null default 'member' check (role in ('member','facilitator','secretariat')),
      preferred_locale text not null default 'en' check (preferred_locale in ('ar','zh','en','fr','ru','es','pt')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index app_user_email_key on app_user (lower(email));

    create table user_session (
      id text primary key,
      user_id text not null references app_user(id) on delete cascade,
      expires_at timestamptz not null
    );
    create index user_session_user_id_idx on user_session (user_id);

    create table auth_token (
      token_hash text primary key,
      user_id text not null references app_user(id) on delete cascade,
      purpose text not null check (purpose in ('verify_email','reset_password')),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index auth_token_user_id_idx on auth_token (user_id, purpose);

    create table rate_limit (
      bucket text primary key,
      window_started_at timestamptz not null,
      hits integer not null
    );

    create table mail_outbox (
      id bigserial primary key,
      to_address text not null,
      subject text not null,
      text_body text not null,
      kind text not null,
      status text not null default 'stored' check (status in ('stored','pending','sent','failed')),
      error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index mail_outbox_created_at_idx on mail_outbox (created_at desc);
    create index mail_outbox_to_idx on mail_outbox (lower(to_address));

    create table audit_log (
      id bigserial primary key,
      actor_id text references app_user(id) on delete set null,
      action text not null,
      entity_type text not null,
      entity_id text,
      details jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now()
    );
    create index audit_log_created_at_idx on audit_log (created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table audit_log, mail_outbox, rate_limit, auth_token, user_session, app_user`.execute(db);
}
