/**
 * Knowledge-hub benchmark, on a scratch database (touches no real data): the demo data plus
 * 5,000 generated members and 10,000 generated posts, then the feed (/hub) and the member
 * directory (/hub/members) through the built app, signed in as the demo member, at 1 and 16
 * connections, printed against the targets of the other signed-in pages (issue 12: p50 ≤ 3 ms at
 * 1 connection, ≥ 400 req/s at 16).
 *
 *   npm run build && npx tsx scripts/bench/hub.ts [--seconds 10]
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { startAppServer } from "../lib/app-process";
import { assertProductionBuild, ms, runLoad, startScratchServices } from "./support";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" } } });
const SECONDS = Number(values.seconds);
await assertProductionBuild();
const scratch = await startScratchServices("hub");

const { getDb, closeDb } = await import("~/utils/db.server");
const { seedDemoData } = await import("../../db/seed/index");
await seedDemoData();
const db = getDb();
const started = Date.now();
// Generated members: fictional, unusable passwords, countries among the parties, mixed kinds and languages.
await sql`
  with parties as (select array_agg(code order by code) as codes from party)
  insert into app_user (id, email, email_verified_at, password_hash, display_name, organization_name, organization_kind, country_code, preferred_locale)
  select 'benchm' || n, 'bench-member-' || n || '@bench.invalid', now(), '!', 'Bench member ' || n, 'Bench organization ' || (n % 900),
         (array['ngo','academia','private_sector','igo','government','other'])[1 + n % 6], codes[1 + n % array_length(codes, 1)],
         (array['ar','zh','en','fr','ru','es','pt'])[1 + n % 7]
  from generate_series(1, 5000) as n, parties`.execute(db);
await sql`
  insert into hub_profile (user_id, languages, expertise_instruments, profile_visibility, country_visibility, illustrative)
  select 'benchm' || n, array[(array['en','fr','es','ar'])[1 + n % 4]], array[(array['untoc','tip','som','fap'])[1 + n % 4]],
         (array['public','members','members','private'])[1 + n % 4], (array['public','members','private'])[1 + n % 3], true
  from generate_series(1, 5000) as n`.execute(db);
await sql`
  insert into hub_post (author_id, kind, title, body, locale, instruments, countries, event_starts_at, illustrative, created_at, last_activity_at)
  select 'benchm' || (1 + n % 5000), (array['news','question','resource','event'])[1 + n % 4], 'Generated post ' || n,
         'A generated post body for the benchmark, number ' || n || '. It has **some** Markdown and a [link](https://example.org).',
         (array['ar','zh','en','fr','ru','es','pt'])[1 + n % 7], array[(array['untoc','tip','som','fap'])[1 + n % 4]], array['KEN'],
         case when n % 4 = 3 then now() + interval '30 days' end, true, now() - n * interval '1 minute', now() - n * interval '1 minute'
  from generate_series(1, 10000) as n`.execute(db);
await sql`analyze`.execute(db);
console.log(`Generated 5,000 members and 10,000 posts in ${Date.now() - started} ms`);
await closeDb();

const app = await startAppServer({ NODE_ENV: "production", JOBS: "off" });
const signIn = await fetch(`${app.url}/sign-in`, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
  body: new URLSearchParams({ email: "member@agora.test", password: "agora-member-2026" }),
});
const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
if (signIn.status !== 302 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
const headers = { Cookie: cookie, "Accept-Language": "en", "Accept-Encoding": "gzip" };

console.log(`\n| page (signed in) | connections | req/s | p50 | p95 | p99 | non-2xx | errors | target |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
for (const page of ["/hub", "/hub?kind=question", "/hub/members", "/hub/members?country=KEN"]) {
  for (let i = 0; i < 30; i++) await fetch(`${app.url}${page}`, { headers }); // warm up
  for (const connections of [1, 16]) {
    const load = await runLoad({ url: `${app.url}${page}`, connections, seconds: SECONDS, headers });
    const met = connections === 1 ? load.p50 <= 3 : load.requestsPerSecond >= 400;
    const target = connections === 1 ? "p50 ≤ 3 ms" : "≥ 400 req/s";
    console.log(`| ${page} | ${connections} | ${load.requestsPerSecond} | ${ms(load.p50)} | ${ms(load.p95)} | ${ms(load.p99)} | ${load.non2xx} | ${load.errors} | ${target}: ${met ? "met" : "missed"} |`);
  }
}
await app.stop();
await scratch.stop();
process.exit(0);
