import { sql, type Kysely } from "kysely";

/**
 * Provenance of what the platform shows. `data_source` says, per data set (review status now;
 * dialogues and hub members later), whether the data are illustrative and where they come from:
 * pages and exports show a notice while a data set is illustrative. An import of review status
 * records its source; applying it sets the row. Library resources carry their own flag, and their
 * publication date a precision and, when the exact day is given, its source.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    alter table review_import
      add column description text check (length(description) <= 500),
      add column illustrative boolean not null default false;

    create table data_source (
      dataset text primary key check (dataset ~ '^[a-z][a-z_]{0,39}$'),
      illustrative boolean not null,
      description text not null check (length(description) between 1 and 500),
      notes jsonb not null default '{}'::jsonb,
      review_import_id bigint references review_import(id) on delete set null,
      recorded_by text references app_user(id) on delete set null,
      recorded_at timestamptz not null default now()
    );

    alter table resource
      add column illustrative boolean not null default false,
      add column published_precision text not null default 'day' check (published_precision in ('year','month','day')),
      add column date_source text check (length(date_source) <= 500);
  `.execute(db);
  // A database seeded before provenance was recorded: its review status came from the demo seed
  // when the last applied import was the seed's.
  await sql`
    update review_import set illustrative = true, description = 'Demo data (seed)' where source = 'seed';
    insert into data_source (dataset, illustrative, description, review_import_id)
    select 'reviews', ri.source = 'seed',
           case when ri.source = 'seed' then 'Demo data (seed)' else 'Imported before sources were recorded' end, ri.id
    from review_import ri where ri.applied_at is not null
    order by ri.applied_at desc limit 1;
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`
    alter table resource drop column illustrative, drop column published_precision, drop column date_source;
    drop table data_source;
    alter table review_import drop column description, drop column illustrative;
  `.execute(db);
}
