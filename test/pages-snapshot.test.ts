/**
 * What each kind of page shows, in English and Arabic, kept as a file per page under
 * test/__snapshots__/pages: refactoring how pages are computed (modules returning views, one
 * formatter per kind of value) must leave the rendered main content byte-for-byte the same.
 *
 * The file runs on a database of its own (other test files add dialogues, users and reviews to
 * the shared one), seeded with the demo data and with every "now"-dependent timestamp pinned, so
 * the pages do not change from one run or one day to the next.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, startAppServer } from "./app-server";
import { DEMO, signInAs } from "./factories";
import { TestClient } from "./http-client";

const suffix = Date.now().toString(36);
const indexPrefix = `snap_${suffix}_`;
const PINNED = new Date("2026-01-15T09:30:00Z");
/** The upcoming demo dialogue is seeded four weeks after "now"; pinned to a fixed day far ahead. */
const UPCOMING_STARTS = new Date("2099-06-10T12:00:00Z");
let database: Awaited<ReturnType<typeof createScratchDatabase>>;
let app: Awaited<ReturnType<typeof startAppServer>>;
const savedEnv = { ...process.env };
const ids = { upcomingDialogue: 0, heldDialogue: 0, resourceSlug: "", certificate: "" };

async function pinVolatileData() {
  const { getDb } = await import("~/utils/db.server");
  const { sql } = await import("kysely");
  const db = getDb();
  // Every timestamp written while seeding ("now": created_at, imported_at, a summary's publication…).
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('timestamp with time zone', 'timestamp without time zone', 'date')`.execute(db);
  for (const { table_name, column_name } of columns.rows) {
    await sql`update ${sql.table(table_name)} set ${sql.ref(column_name)} = ${PINNED} where ${sql.ref(column_name)} > now() - interval '2 days' and ${sql.ref(column_name)} < now() + interval '1 day'`.execute(db);
  }
  const upcoming = await db.selectFrom("dialogue").select("id").where("session_code", "=", "wg-2027").executeTakeFirstOrThrow();
  await db
    .updateTable("dialogue")
    .set({ starts_at: UPCOMING_STARTS, ends_at: new Date(UPCOMING_STARTS.getTime() + 3 * 3_600_000), registration_closes_at: new Date(UPCOMING_STARTS.getTime() - 86_400_000) })
    .where("id", "=", upcoming.id)
    .execute();
  await sql`update dialogue_registration set created_at = ${new Date(UPCOMING_STARTS.getTime() - 20 * 86_400_000)} where dialogue_id = ${upcoming.id}`.execute(db);
  const held = await db.selectFrom("dialogue").select("id").where("session_code", "=", "wg-2023").executeTakeFirstOrThrow();
  const resource = await db.selectFrom("resource").select("slug").orderBy("slug").executeTakeFirstOrThrow();
  // The published summary's library resource and search documents carry its publication date.
  const { refreshSummary } = await import("~/modules/dialogues/summary.server");
  await refreshSummary(held.id, { syncSearch: "now" });
  Object.assign(ids, { upcomingDialogue: upcoming.id, heldDialogue: held.id, resourceSlug: resource.slug });
}

beforeAll(async () => {
  database = await createScratchDatabase(`agora_snapshot_${suffix}`);
  Object.assign(process.env, { DATABASE_URL: database.url, MEILI_INDEX_PREFIX: indexPrefix });
  const { getDb } = await import("~/utils/db.server");
  const { migrateToLatest } = await import("../db/migrate");
  const { seedDemoData } = await import("../db/seed/index");
  await migrateToLatest(getDb());
  await seedDemoData();
  await pinVolatileData();
  app = await startAppServer({ DATABASE_URL: database.url, MEILI_INDEX_PREFIX: indexPrefix, JOBS: "inline" });
  // Pay for the first (slowest) searches before the pages that show search results.
  for (const path of ["/search.json?q=guide", "/library.json?q=review", "/library?q=guide"]) await (await fetch(`${app.url}${path}`)).arrayBuffer();
}, 180_000);

afterAll(async () => {
  await app?.stop();
  const { stopBackgroundWork } = await import("~/modules/jobs/jobs.server");
  const { closeDb } = await import("~/utils/db.server");
  await stopBackgroundWork();
  await closeDb();
  await database?.drop();
  process.env = savedEnv;
}, 60_000);

/** The main landmark's content, with what changes per request or per build replaced by placeholders. */
export function mainContent(html: string) {
  const start = html.indexOf("<main");
  const end = html.indexOf("</main>");
  if (start < 0 || end < 0) throw new Error(`no <main> in ${html.slice(0, 200)}`);
  return (
    html
      .slice(start, end + "</main>".length)
      .replace(/nonce="[^"]*"/g, 'nonce="NONCE"')
      .replace(/(name="(?:csrf|_csrf|csrfToken)"[^>]*value=")[^"]*"/g, '$1CSRF"')
      .replace(/(value=")[^"]*("[^>]*name="(?:csrf|_csrf|csrfToken)")/g, "$1CSRF$2")
      .replace(/\/build\/[\w/-]+-[A-Z0-9]{8}\.(js|css)/g, "/build/HASHED.$1")
      // One element per line, so a change shows as a readable diff.
      .replace(/></g, ">\n<") + "\n"
  );
}

type Page = { name: string; path: () => string; as?: keyof typeof DEMO; normalize?: (main: string) => string };

/** The status page says when it checked; everything else on it is stable. */
const withoutCheckTime = (main: string) => main.replace(/(<p class="meta">)[^<]*\d[^<]*(<\/p>)/, "$1CHECKED-AT$2");

const PAGES: Page[] = [
  { name: "home", path: () => "/" },
  { name: "about", path: () => "/about" },
  { name: "status", path: () => "/status", normalize: withoutCheckTime },
  { name: "courses", path: () => "/courses" },
  { name: "course", path: () => "/courses/review-mechanism" },
  { name: "lesson", path: () => "/courses/review-mechanism/01-what-is-the-review-mechanism" },
  { name: "lesson-signed-in", path: () => "/courses/review-mechanism/01-what-is-the-review-mechanism", as: "member" },
  { name: "course-signed-in", path: () => "/courses/review-mechanism", as: "member" },
  { name: "library", path: () => "/library" },
  { name: "library-search", path: () => "/library?q=guide" },
  { name: "resource", path: () => `/library/${ids.resourceSlug}` },
  { name: "article", path: () => "/articles/untoc/5" },
  { name: "reviews", path: () => "/reviews" },
  { name: "reviews-list", path: () => "/reviews/list" },
  { name: "reviews-export", path: () => "/reviews/export" },
  { name: "countries", path: () => "/countries" },
  { name: "country", path: () => "/countries/KEN" },
  { name: "search", path: () => "/search?q=review" },
  { name: "dialogues", path: () => "/dialogues" },
  { name: "dialogue-upcoming", path: () => `/dialogues/${ids.upcomingDialogue}` },
  { name: "dialogue-held", path: () => `/dialogues/${ids.heldDialogue}` },
  { name: "dialogue-summary", path: () => `/dialogues/${ids.heldDialogue}/summary` },
  { name: "observations", path: () => "/observations" },
  { name: "account", path: () => "/account", as: "member" },
  { name: "account-learning", path: () => "/account/learning", as: "member" },
  { name: "admin-reviews-import", path: () => "/admin/reviews/import", as: "secretariat" },
  { name: "admin-library-resource", path: () => `/admin/library/${ids.resourceSlug}`, as: "secretariat" },
  { name: "admin-learning", path: () => "/admin/learning", as: "secretariat" },
  { name: "admin-dialogues", path: () => "/admin/dialogues", as: "secretariat" },
  { name: "facilitator", path: () => "/facilitator", as: "facilitator" },
];

const clients = new Map<string, TestClient>();
async function clientFor(role: Page["as"]) {
  const key = role ?? "visitor";
  if (!clients.has(key)) clients.set(key, role ? await signInAs(DEMO[role].email, DEMO[role].password, new TestClient(app.url)) : new TestClient(app.url));
  return clients.get(key)!;
}

describe("pages render the same main content as before", () => {
  for (const page of PAGES) {
    for (const lang of ["en", "ar"] as const) {
      it(`${page.name} (${lang})`, async () => {
        const client = await clientFor(page.as);
        const path = page.path();
        const response = await client.get(lang === "en" ? path : `/${lang}${path === "/" ? "" : path}`);
        expect(response.status, path).toBe(200);
        const main = mainContent(response.text);
        await expect(page.normalize ? page.normalize(main) : main).toMatchFileSnapshot(`__snapshots__/pages/${page.name}.${lang}.html`);
      });
    }
  }
});
