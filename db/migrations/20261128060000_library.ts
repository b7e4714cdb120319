import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>) {
  await sql`
    -- The treaty as data: instruments, their articles, thematic clusters and review stages.
    create table instrument (
      code text primary key,
      kind text not null check (kind in ('convention','protocol')),
      position integer not null,
      adopted_on date,
      in_force_on date,
      title jsonb not null,
      short_title jsonb not null
    );
    create table cluster (
      code text primary key,
      position integer not null,
      title jsonb not null
    );
    create table article (
      instrument_code text not null references instrument(code) on delete cascade,
      number text not null,
      position integer not null,
      title jsonb not null,
      cluster_code text references cluster(code),
      primary key (instrument_code, number)
    );
    create table review_stage (
      code text primary key,
      position integer not null,
      title jsonb not null,
      description jsonb not null,
      stakeholders jsonb not null
    );

    create table resource (
      id bigint generated always as identity primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
      type text not null check (type in ('manual','guide','legislative_guide','model_law','model_provisions','elearning','toolkit','compendium','chairs_summary','saq_response','list_of_observations','report','other')),
      published_on date not null,
      issuing_body text not null,
      symbol text,
      country_code char(3),
      supersedes_id bigint references resource(id) on delete set null,
      status text not null default 'published' check (status in ('published','unpublished')),
      origin text not null default 'admin' check (origin in ('content','admin')),
      instruments text[] not null default '{}',
      articles text[] not null default '{}',
      clusters text[] not null default '{}',
      stages text[] not null default '{}',
      audiences text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index resource_articles_idx on resource using gin (articles);
    create index resource_clusters_idx on resource using gin (clusters);
    create index resource_stages_idx on resource using gin (stages);
    create index resource_supersedes_idx on resource (supersedes_id);
    create index resource_country_idx on resource (country_code) where country_code is not null;

    create table resource_edition (
      resource_id bigint not null references resource(id) on delete cascade,
      locale text not null check (locale in ('ar','zh','en','fr','ru','es','pt')),
      title text not null check (length(title) between 1 and 300),
      summary text not null check (length(summary) <= 1000),
      body text not null default '',
      external_url text,
      file_key text,
      file_name text,
      file_type text,
      file_size integer,
      primary key (resource_id, locale)
    );

    -- Everything searchable, one row per language edition: the source the search index is built
    -- from, and what the PostgreSQL fallback searches when Meilisearch is away.
    create table search_document (
      id text primary key,
      kind text not null,
      item_id text not null,
      locale text not null,
      title text not null,
      summary text not null,
      body text not null,
      path text not null,
      type text not null,
      instruments text[] not null default '{}',
      articles text[] not null default '{}',
      clusters text[] not null default '{}',
      stages text[] not null default '{}',
      audiences text[] not null default '{}',
      country text,
      year integer,
      updated_at timestamptz not null default now(),
      tsv tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') ||
        setweight(to_tsvector('simple', summary), 'B') ||
        setweight(to_tsvector('simple', left(body, 100000)), 'C')
      ) stored
    );
    create index search_document_tsv_idx on search_document using gin (tsv);
    create index search_document_item_idx on search_document (item_id);
    create index search_document_articles_idx on search_document using gin (articles);
    create index search_document_kind_locale_idx on search_document (kind, locale);

    -- Transactional outbox: every change to search_document queues its id here in the same
    -- transaction; the search.sync job pushes the rows to Meilisearch, with retries.
    create table search_outbox (
      id bigint generated always as identity primary key,
      document_id text not null,
      created_at timestamptz not null default now(),
      processed_at timestamptz,
      attempts integer not null default 0,
      last_error text
    );
    create index search_outbox_pending_idx on search_outbox (id) where processed_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table search_outbox, search_document, resource_edition, resource, review_stage, article, cluster, instrument`.execute(db);
}
