/**
 * Hostile input, property-based (fast-check): every form action of the app is posted random and
 * oversized fields, wrong types (repeated fields, files where text is expected), XSS payloads and
 * Unicode edge cases (RTL overrides, zero-width characters, 4-byte characters, NUL). Whatever
 * comes in: never a 500, a refused post writes nothing, and no payload comes back as live HTML.
 *
 * Runs are bounded (RUNS per form, a fixed seed per run printed on failure) to keep the suite
 * well inside its time on two cores.
 */
import fc from "fast-check";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "./db";
import { signUpMember, uniqueEmail } from "./factories";
import { TestClient, type TestResponse } from "./http-client";
import { upsertStaffUser } from "../app/modules/auth/accounts.server";

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; drop table app_user; --",
  "\u202Eevil\u202C.exe",
  "\u200F\u200E\u061C",
  "a\u200Bb\u200Cc\u200Dd\uFEFF",
  "😀𝕏𠜎🏳️‍🌈",
  "\u0000",
  "%00%0d%0a",
  "../../../../etc/passwd",
  "${jndi:ldap://x}",
  "=HYPERLINK(\"http://evil.example\")",
  "__proto__",
  "constructor",
  " ",
  "",
];
/** Payloads that would be live HTML if echoed unescaped. */
const LIVE_HTML = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.nat({ max: 3 }).map((n) => "x".repeat([1_000, 20_000, 120_000, 300_000][n]!)) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);
/** A field value: mostly one string, sometimes the field repeated (an array), with `valid` values mixed in. */
const field = (...valid: string[]) =>
  fc.oneof(
    { weight: valid.length ? 3 : 0, arbitrary: valid.length ? fc.constantFrom(...valid) : fc.constant("") },
    { weight: 4, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }) },
  );
const extraFields = fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "intent[]", "redirectTo", "_data", "role"), fc.string({ maxLength: 12 })), hostileText, { maxKeys: 2 });

type Fields = Record<string, string | string[]>;
type Ctx = { member: TestClient; memberId: string; staff: TestClient; staffId: string };
type FormCase = {
  name: string;
  path: string;
  who: "visitor" | "member" | "staff";
  fields: Record<string, fc.Arbitrary<string | string[]>>;
  multipart?: boolean;
  /** What a refused post must leave unchanged. */
  fingerprint: (ctx: Ctx, fields: Fields) => Promise<unknown>;
};

const db = () => getDb();
// PostgreSQL text cannot hold NUL: the lookups drop it (the app refuses it, see forms.server.ts).
const one = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? "").replace(/\0/g, "");
const count = async (query: Promise<Array<unknown>>) => (await query).length;

const memberState = async ({ memberId }: Ctx) =>
  Promise.all([
    db().selectFrom("app_user").selectAll().where("id", "=", memberId).executeTakeFirst(),
    count(db().selectFrom("course_enrollment").select("user_id").where("user_id", "=", memberId).execute()),
    count(db().selectFrom("quiz_attempt").select("id").where("user_id", "=", memberId).execute()),
    count(db().selectFrom("lesson_progress").select("user_id").where("user_id", "=", memberId).execute()),
    sql`select count(*)::int as n from country_follow where user_id = ${memberId}`.execute(db()).then((result) => result.rows),
  ]);
const staffState = async ({ staffId }: Ctx) =>
  Promise.all([
    count(db().selectFrom("audit_log").select("id").where("actor_id", "=", staffId).execute()),
    // Only the fuzz's own slugs: other test files publish summaries (library resources) meanwhile.
    sql`select count(*)::int as n from resource where slug like 'fuzz%'`.execute(db()).then((result) => result.rows),
  ]);
const hubPeopleState = async ({ memberId }: Ctx) =>
  Promise.all([
    db().selectFrom("hub_profile").selectAll().where("user_id", "=", memberId).executeTakeFirst(),
    db().selectFrom("hub_follow").selectAll().where("user_id", "=", memberId).orderBy("target_key").execute(),
    count(db().selectFrom("country_follow").select("party_code").where("user_id", "=", memberId).execute()),
    count(db().selectFrom("notification").select("id").where("user_id", "=", memberId).where("read_at", "is", null).execute()),
  ]);
const mailTo = async (_ctx: Ctx, fields: Fields) => count(db().selectFrom("mail_outbox").select("id").where("to_address", "=", one(fields.email).toLowerCase()).execute());

const hubPostsState = async ({ memberId }: Ctx) =>
  Promise.all([
    count(db().selectFrom("hub_post").select("id").where("author_id", "=", memberId).where("status", "!=", "deleted").execute()),
    count(db().selectFrom("hub_comment").select("id").where("author_id", "=", memberId).where("status", "!=", "deleted").execute()),
    count(db().selectFrom("hub_report").select("id").where("reporter_id", "=", memberId).execute()),
    count(db().selectFrom("hub_reaction").select("user_id").where("user_id", "=", memberId).execute()),
  ]);
/** A published demo post, looked up before the runs. */
let hubPostId = 0;

const LESSON = "/courses/review-mechanism/02-groups-and-pairing";
const FORMS: FormCase[] = [
  {
    name: "sign-up",
    path: "/sign-up",
    who: "visitor",
    fields: {
      email: field(uniqueEmail("fuzz"), "not-an-email"),
      password: field("correct horse battery"),
      displayName: field("Fuzz"),
      organizationName: field("Org"),
      organizationKind: field("ngo", "academia"),
      country: field("KEN", "", "XXX"),
    },
    fingerprint: async (ctx, fields) => [await mailTo(ctx, fields), await count(db().selectFrom("app_user").select("id").where(sql`lower(email)`, "=", one(fields.email).toLowerCase()).execute())],
  },
  { name: "sign-in", path: "/sign-in", who: "visitor", fields: { email: field("member@agora.test"), password: field("wrong"), redirectTo: field("/courses", "//evil.com") }, fingerprint: memberState },
  { name: "forgot-password", path: "/forgot-password", who: "visitor", fields: { email: field("nobody@example.org") }, fingerprint: mailTo },
  {
    name: "reset-password",
    path: "/reset-password",
    who: "visitor",
    fields: { token: field("abcdefghijklmnop"), password: field("correct horse battery"), confirmPassword: field("correct horse battery") },
    fingerprint: async () => count(db().selectFrom("auth_token").select("token_hash").where("used_at", ">", sql<Date>`now() - interval '2 seconds'`).execute()),
  },
  {
    name: "account",
    path: "/account",
    who: "member",
    fields: {
      intent: field("profile", "password", "resend-verification"),
      displayName: field("Member"),
      organizationName: field("Org"),
      organizationKind: field("ngo"),
      country: field("KEN", ""),
      preferredLocale: field("en", "ar"),
      currentPassword: field("wrong password"),
      password: field("another good password"),
      confirmPassword: field("another good password"),
    },
    fingerprint: memberState,
  },
  { name: "course enrollment", path: "/courses/review-mechanism", who: "member", fields: { intent: field("enroll") }, fingerprint: memberState },
  { name: "lesson and quiz", path: LESSON, who: "member", fields: { intent: field("quiz", "complete"), quizId: field("groups-quiz"), "q.q1": field("a", "b"), "q.q2": field("a"), "q.q3": field("b"), "q.q4": field("a", "c") }, fingerprint: memberState },
  { name: "follow a country", path: "/countries/KEN", who: "member", fields: { intent: field("follow", "unfollow") }, fingerprint: memberState },
  { name: "sign-out", path: "/sign-out", who: "visitor", fields: { intent: field() }, fingerprint: async () => null },
  { name: "library list actions", path: "/admin/library", who: "staff", fields: { intent: field("publish", "unpublish", "delete"), slug: field("no-such-resource") }, fingerprint: staffState },
  {
    name: "library editor",
    path: "/admin/library/new",
    who: "staff",
    multipart: true,
    fields: {
      slug: field("fuzz-resource"),
      type: field("guide"),
      publishedOn: field("2024-01-01", "2024-13-45"),
      issuingBody: field("UNODC"),
      country: field("KEN", ""),
      supersedes: field(""),
      instruments: field("untoc"),
      locale: field("en", "zz"),
      title: field("Title"),
      summary: field("Summary"),
      body: field("Body"),
      externalUrl: field("", "javascript:alert(1)", "https://example.org"),
    },
    fingerprint: staffState,
  },
  {
    name: "hub new post",
    path: "/hub/new",
    who: "member",
    fields: {
      kind: field("news", "event", "question", "resource", "poll"),
      title: field("A title"),
      body: field("Some **Markdown** [x](javascript:alert(1))"),
      locale: field("en", "ar", "zz"),
      instruments: field("untoc", "tip", "nope"),
      clusters: field("I", "IV", "V"),
      articles: field("untoc:5", "tip:99bis", "untoc:"),
      countries: field("KEN", "XXX", "ke"),
      tags: field("cybercrime", "two words", "<b>x</b>"),
      startsAt: field("2031-01-01T10:00", "2031-13-01T10:00"),
      endsAt: field("2031-01-01T12:00", ""),
      timeZone: field("Africa/Nairobi", "Mars/Olympus"),
      place: field("Nairobi"),
      resourceUrl: field("https://example.org", "javascript:alert(1)", "data:text/html,x"),
    },
    fingerprint: hubPostsState,
  },
  {
    name: "hub post page",
    get path() {
      return `/hub/posts/${hubPostId}`;
    },
    who: "member",
    fields: {
      intent: field("comment", "useful", "accept", "delete-post", "delete-comment", "report"),
      body: field("A comment"),
      targetType: field("post", "comment", "user"),
      targetId: field("1", "-1", "99999999999"),
      commentId: field("1", "abc"),
      reason: field("spam", "other", "bogus"),
      details: field("details"),
    },
    fingerprint: hubPostsState,
  },
  {
    name: "hub moderation",
    path: "/admin/hub",
    who: "staff",
    fields: {
      intent: field("hide", "restore", "dismiss", "approve", "suspend", "unsuspend", "setting"),
      targetType: field("post", "comment"),
      targetId: field("999999999", "-1"),
      postId: field("999999999"),
      userId: field("no-such-user"),
      reason: field("Because"),
      holdFirstPosts: field("0", "21", "-1", "x"),
    },
    fingerprint: async (ctx) => [await staffState(ctx), await db().selectFrom("hub_setting").selectAll().execute()],
  },
  { name: "review import upload", path: "/admin/reviews/import", who: "staff", multipart: true, fields: { asOf: field("2024-01-01", "yesterday"), parties: field("code,name\nAAA,=1+1") }, fingerprint: staffState },
  { name: "review import apply", path: "/admin/reviews/import", who: "staff", fields: { importId: field("1", "-1", "99999999999999999999") }, fingerprint: staffState },
  {
    name: "hub profile editor",
    path: "/account/profile",
    who: "member",
    fields: {
      pseudonym: field("Observer"),
      bio: field("About me"),
      languages: field("en", "sw", "xx"),
      expertiseInstruments: field("tip", "nope"),
      expertiseClusters: field("II", "V"),
      expertiseArticles: field("untoc:5", "untoc:999", "tip:5, untoc:5"),
      linkLabel0: field("Site"),
      linkUrl0: field("https://example.org/me", "javascript:alert(1)", "http://example.org"),
      profileVisibility: field("public", "members", "private", "everyone"),
      countryVisibility: field("public", "private"),
      organizationVisibility: field("members"),
      languagesVisibility: field("public"),
      expertiseVisibility: field("public"),
      followsVisibility: field("private"),
      bioVisibility: field("members"),
      linksVisibility: field("public"),
      certificatesVisibility: field("private"),
      digestFrequency: field("monthly", "never", "hourly"),
    },
    fingerprint: hubPeopleState,
  },
  {
    name: "follow",
    path: "/hub/follow",
    who: "member",
    fields: { targetType: field("member", "tag", "dialogue", "country"), targetKey: field("KEN", "demohub0001", "instrument:tip", "tag:x", "1"), follow: field("1", "0"), redirectTo: field("/hub/members", "//evil.com") },
    fingerprint: hubPeopleState,
  },
  { name: "notifications", path: "/account/notifications", who: "member", fields: { intent: field("read", "read-all"), id: field("1", "-1", "99999999999999999999") }, fingerprint: hubPeopleState },
  // Never the right password: the fuzz member must survive to the next case.
  { name: "account erasure", path: "/account/data", who: "member", fields: { password: field("wrong password"), confirm: field("on") }, fingerprint: memberState },
  { name: "digest unsubscribe", path: "/hub/unsubscribe", who: "visitor", fields: { token: field("not-a-token", "abc.1.def") }, fingerprint: hubPeopleState },
];

let ctx: Ctx;

beforeAll(async () => {
  const { client: member, email } = await signUpMember();
  const memberId = (await db().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const staffEmail = uniqueEmail("fuzz-staff");
  const staffId = await upsertStaffUser({ email: staffEmail, password: "fuzz-secretariat-2026", displayName: "Fuzz staff", role: "secretariat" });
  const staff = new TestClient();
  expect((await staff.post("/sign-in", { email: staffEmail, password: "fuzz-secretariat-2026" })).status).toBe(302);
  ctx = { member, memberId, staff, staffId };
  hubPostId = (await db().selectFrom("hub_post").select("id").where("illustrative", "=", true).where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow()).id;
});

async function send(client: TestClient, path: string, fields: Fields, multipart: boolean): Promise<TestResponse> {
  if (!multipart) return client.post(path, fields);
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) body.append(name, item);
  }
  // A file where a text field is expected, and one with a hostile name.
  body.append("file", new Blob(["<script>alert(1)</script>"], { type: "text/html" }), "\u202Eevil.html");
  return client.request(path, { method: "POST", body, headers: { Origin: client.baseUrl } });
}

describe("hostile input to every form action", () => {
  it.each(FORMS.map((form) => [form.name, form] as const))("%s: no 500, nothing written when refused, nothing echoed as live HTML", async (_name, form) => {
    await fc.assert(
      fc.asyncProperty(fc.record(form.fields, { requiredKeys: [] }), extraFields, async (values, extra) => {
        const fields: Fields = { ...extra, ...(values as Fields) };
        // A member whose own password the fuzz may change signs in again from a fresh client each time.
        const client = form.who === "visitor" ? new TestClient() : form.who === "member" ? ctx.member : ctx.staff;
        const before = await form.fingerprint(ctx, fields);
        const response = await send(client, form.path, fields, form.multipart ?? false);
        expect(response.status, `${form.path} ${JSON.stringify(fields).slice(0, 300)}`).toBeLessThan(500);
        for (const html of LIVE_HTML) expect(response.text).not.toContain(html);
        if (response.status >= 400) expect(await form.fingerprint(ctx, fields)).toEqual(before);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
  });
});

describe("hostile query strings on the pages that read them", () => {
  const PAGES = ["/search", "/search.json", "/hub", "/library", "/library.json", "/reviews/list", "/reviews/list.csv", "/courses", "/countries", "/verify-email", "/reset-password", "/hub/members", "/hub/unsubscribe"];
  const queryKey = fc.constantFrom("q", "page", "sort", "lang", "type", "cluster", "stage", "token", "kind", "instrument", "tag", "country", "language", "following", "expertise", "reviewOf");
  it.each(PAGES)("%s: never a 500", async (page) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(queryKey, hostileText.filter((text) => text.length < 20_000)), { maxLength: 4 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const response = await new TestClient().get(`${page}?${query}`);
        expect(response.status, `${page}?${query.slice(0, 300)}`).toBeLessThan(500);
        for (const html of LIVE_HTML) expect(response.text).not.toContain(html);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
  });
});
