/**
 * Registration contention benchmark, on a scratch database (touches no real data): 500 signed-in
 * members post the registration form of one dialogue at the same moment, through HTTP on the
 * production build, for 100 in-person seats. Target: all answered within 3 s, exactly 100
 * confirmed and 400 on the waiting list, no error.
 *
 *   npm run build && npx tsx scripts/bench/registration.ts [--members 500] [--seats 100]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { startAppServer } from "../lib/app-process";
import { assertProductionBuild, ms, startScratchServices, summarize } from "./support";

const { values } = parseArgs({ options: { members: { type: "string", default: "500" }, seats: { type: "string", default: "100" } } });
const MEMBERS = Number(values.members);
const SEATS = Number(values.seats);
await assertProductionBuild();
const scratch = await startScratchServices("registration");

const { getDb, closeDb } = await import("~/utils/db.server");
const { createUserSession } = await import("~/modules/auth/session.server");

const members = Array.from({ length: MEMBERS }, (_, index) => ({
  id: `bench${randomUUID().replace(/-/g, "").slice(0, 12)}${index}`,
  email: `bench-${index}@example.org`,
  password_hash: "not-a-hash",
  display_name: `Bench member ${index}`,
  organization_name: `Bench organization ${index}`,
  organization_kind: "ngo" as const,
  country_code: "KEN",
}));
await getDb().insertInto("app_user").values(members).execute();
const cookies = await Promise.all(members.map((member) => createUserSession(member.id).then((cookie) => cookie.split(";")[0]!)));
const startsAt = new Date(Date.now() + 14 * 86_400_000);
const { id: dialogueId } = await getDb()
  .insertInto("dialogue")
  .values({
    title: JSON.stringify({ en: "Benchmark dialogue" }),
    session_code: "bench",
    starts_at: startsAt,
    ends_at: new Date(startsAt.getTime() + 3_600_000),
    time_zone: "Europe/Vienna",
    format: "in_person",
    capacity_in_person: SEATS,
    state: "open",
  })
  .returning("id")
  .executeTakeFirstOrThrow();

const app = await startAppServer({ NODE_ENV: "production", JOBS: "off" });
// Warm the route and the database pool with a page view per member's first few.
for (const cookie of cookies.slice(0, 20)) await (await fetch(`${app.url}/dialogues/${dialogueId}`, { headers: { Cookie: cookie } })).arrayBuffer();

const body = new URLSearchParams({ intent: "register", mode: "in_person", organizationName: "Bench organization", organizationKind: "ngo" }).toString();
const started = performance.now();
const results = await Promise.all(
  cookies.map(async (cookie) => {
    const sent = performance.now();
    const response = await fetch(`${app.url}/dialogues/${dialogueId}`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { Cookie: cookie, Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - sent };
  }),
);
const wall = performance.now() - started;

const counts = await getDb()
  .selectFrom("dialogue_registration")
  .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
  .where("dialogue_id", "=", dialogueId)
  .groupBy("status")
  .execute();
const count = (status: string) => Number(counts.find((row) => row.status === status)?.count ?? 0);
const errors = results.filter((result) => result.status !== 302).length;
const latency = summarize(results.map((result) => result.ms));
console.log(`${MEMBERS} concurrent registrations for ${SEATS} seats through HTTP: all answered in ${ms(wall)} (target ≤ 3000 ms: ${wall <= 3000 ? "met" : "missed"})`);
console.log(`  per request: p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, max ${ms(latency.max)}; non-302 answers: ${errors}`);
const correct = count("confirmed") === Math.min(SEATS, MEMBERS) && count("waitlisted") === Math.max(0, MEMBERS - SEATS);
console.log(`  confirmed ${count("confirmed")}, waitlisted ${count("waitlisted")}: ${correct ? "exact" : "WRONG"}`);
await app.stop();
await closeDb();
await scratch.stop();
process.exit(correct && errors === 0 ? 0 : 1);
