/**
 * The scaled data the benchmark adds to the demo data, all generated and marked so: 50,000 search
 * documents (seven languages, realistic lengths) and 5,000 hub members with 10,000 posts.
 * Call after `startScratchServices` (it points the app's modules at the scratch database).
 */
import { sql } from "kysely";

const WORDS = "organized crime convention protocol trafficking persons smuggling migrants firearms review mechanism questionnaire observations cooperation legal assistance confiscation jurisdiction criminalization prevention protection victims witnesses law enforcement judicial training guide manual toolkit".split(" ");
const TYPES = ["manual", "guide", "legislative_guide", "model_law", "toolkit", "report", "other"];
const LOCALES = ["en", "fr", "es", "ar", "zh", "ru", "pt"];

/** Queries a reader would type: the benchmark rotates through them so no answer is reused. */
export const SEARCH_QUERIES = ["legislative guide", "trafficking victims", "mutual legal assistance", "questionnaire", "confiscation cooperation", "firearms protocol", "legslative gide", "smuggling migrants"];

/** Generated resources: mostly ordinary vocabulary (5,000 made-up words), domain terms now and then, so a query matches a subset of the corpus as in a real library. */
export async function seedSearchDocuments(count: number) {
  const { getDb } = await import("~/utils/db.server");
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const FILLER = Array.from({ length: 5_000 }, (_, index) => `w${index.toString(36)}x`);
  const words = (n: number) => Array.from({ length: n }, () => (random() < 0.04 ? pick(WORDS) : FILLER[Math.floor(FILLER.length * random() ** 2)]!)).join(" ");
  for (let offset = 0; offset < count; offset += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, count - offset) }, (_, index) => {
      const n = offset + index;
      const locale = pick(LOCALES);
      return {
        id: `resource:bench-${n}:${locale}`,
        kind: "resource",
        item_id: `resource:bench-${n}`,
        locale,
        title: `${words(6)} ${n}`,
        summary: words(30),
        body: words(250),
        path: `/library/bench-${n}`,
        type: pick(TYPES),
        instruments: [pick(["untoc", "tip", "som", "firearms"])],
        articles: [`untoc:${1 + Math.floor(random() * 41)}`],
        clusters: [pick(["I", "II", "III", "IV"])],
        stages: [pick(["saq", "written_feedback", "list_of_observations"])],
        audiences: ["general"],
        country: null,
        year: 2000 + Math.floor(random() * 25),
      };
    });
    await getDb().insertInto("search_document").values(rows).execute();
  }
}

/** Fictional hub members (unusable passwords, mixed visibility) and their posts, marked illustrative. */
export async function seedHubScale(members: number, posts: number) {
  const { getDb } = await import("~/utils/db.server");
  const db = getDb();
  await sql`
    with parties as (select array_agg(code order by code) as codes from party)
    insert into app_user (id, email, email_verified_at, password_hash, display_name, organization_name, organization_kind, country_code, preferred_locale)
    select 'benchm' || n, 'bench-member-' || n || '@bench.invalid', now(), '!', 'Bench member ' || n, 'Bench organization ' || (n % 900),
           (array['ngo','academia','private_sector','igo','government','other'])[1 + n % 6], codes[1 + n % array_length(codes, 1)],
           (array['ar','zh','en','fr','ru','es','pt'])[1 + n % 7]
    from generate_series(1, ${members}::int) as n, parties`.execute(db);
  await sql`
    insert into hub_profile (user_id, languages, expertise_instruments, profile_visibility, country_visibility, illustrative)
    select 'benchm' || n, array[(array['en','fr','es','ar'])[1 + n % 4]], array[(array['untoc','tip','som','fap'])[1 + n % 4]],
           (array['public','members','members','private'])[1 + n % 4], (array['public','members','private'])[1 + n % 3], true
    from generate_series(1, ${members}::int) as n`.execute(db);
  await sql`
    insert into hub_post (author_id, kind, title, body, locale, instruments, countries, event_starts_at, illustrative, created_at, last_activity_at)
    select 'benchm' || (1 + n % ${members}::int), (array['news','question','resource','event'])[1 + n % 4], 'Generated post ' || n,
           'A generated post body for the benchmark, number ' || n || '. It has **some** Markdown and a [link](https://example.org).',
           (array['ar','zh','en','fr','ru','es','pt'])[1 + n % 7], array[(array['untoc','tip','som','fap'])[1 + n % 4]], array['KEN'],
           case when n % 4 = 3 then now() + interval '30 days' end, true, now() - n * interval '1 minute', now() - n * interval '1 minute'
    from generate_series(1, ${posts}::int) as n`.execute(db);
  await sql`analyze`.execute(db);
}

/** The language cookie of a returning English reader (what the app sets after a first visit). */
export const ENGLISH_COOKIE = `agora_lng=${encodeURIComponent(Buffer.from('"en"').toString("base64"))}`;

/** A new session for the demo member, as the `name=value` part of its cookie. */
export async function demoMemberSessionCookie() {
  const { getDb } = await import("~/utils/db.server");
  const { createUserSession } = await import("~/modules/auth/session.server");
  const member = await getDb().selectFrom("app_user").select("id").where("email", "=", "member@agora.test").executeTakeFirstOrThrow();
  return (await createUserSession(member.id)).split(";")[0]!;
}
