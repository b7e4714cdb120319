import { sql, type Kysely } from "kysely";

/**
 * Learning: enrollments, per-lesson progress, quiz attempts and certificates. Courses and lessons
 * themselves live in content/ and are referred to by slug.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table course_enrollment (
      user_id text not null references app_user(id) on delete cascade,
      course_slug text not null check (course_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      enrolled_at timestamptz not null default now(),
      completed_at timestamptz,
      primary key (user_id, course_slug)
    );
    -- Statistics per course (learners, completions, time to complete).
    create index course_enrollment_course_idx on course_enrollment (course_slug, completed_at);

    create table lesson_progress (
      user_id text not null,
      course_slug text not null,
      lesson_slug text not null check (lesson_slug ~ '^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$'),
      completed_at timestamptz not null default now(),
      primary key (user_id, course_slug, lesson_slug),
      foreign key (user_id, course_slug) references course_enrollment (user_id, course_slug) on delete cascade
    );

    create table quiz_attempt (
      id bigserial primary key,
      user_id text not null,
      course_slug text not null,
      lesson_slug text not null,
      quiz_id text not null,
      answers jsonb not null,
      results jsonb not null,
      correct_count integer not null check (correct_count >= 0),
      question_count integer not null check (question_count > 0 and correct_count <= question_count),
      score integer not null check (score between 0 and 100),
      passed boolean not null,
      created_at timestamptz not null default now(),
      foreign key (user_id, course_slug) references course_enrollment (user_id, course_slug) on delete cascade
    );
    -- The latest attempt per quiz, and "has this quiz been passed", for one learner.
    create index quiz_attempt_learner_idx on quiz_attempt (user_id, course_slug, quiz_id, created_at desc);

    create table certificate (
      code text primary key check (code ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
      user_id text not null references app_user(id) on delete cascade,
      course_slug text not null,
      holder_name text not null check (length(holder_name) between 1 and 120),
      issued_at timestamptz not null default now(),
      -- Issued once per learner and course, however many requests race to complete it.
      unique (user_id, course_slug)
    );
    create index certificate_course_idx on certificate (course_slug, issued_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table certificate, quiz_attempt, lesson_progress, course_enrollment`.execute(db);
}
