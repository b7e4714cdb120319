/**
 * Review status through the running app and the real database, on the demo data the test setup
 * seeded (the background paper's table of 2024-02-29). The tests of this file run in order: the
 * later ones import changed files and restore the demo data at the end.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { DEMO, signInAs, signUpMember } from "../../../test/factories";
import { TestClient, visibleText, type TestResponse } from "../../../test/http-client";
import { readDemoProvenance, readDemoStatusFiles, DEMO_STATUS_AS_OF } from "../../../db/seed/reviews";
import { getDashboardView } from "./dashboard-view.server";
import { applyImport, createImport, planImport } from "./import.server";
import type { ReviewStats } from "./stats";
import type { StatusFiles } from "./status-files.server";

const anonymous = new TestClient();
/** The figures of /reviews/stats.json, without its statement of where the data come from. */
const getStats = async (client = anonymous) => {
  const { dataSource: _source, ...stats } = JSON.parse((await client.get("/reviews/stats.json")).text) as ReviewStats & { dataSource: unknown };
  return stats as ReviewStats;
};
const locale = (name: string) => JSON.parse(readFileSync(`app/locales/${name}/reviews.json`, "utf8"));

/** Posts the status files through the upload form, as a browser does; returns the dry run's id. */
async function upload(client: TestClient, files: Record<string, string>, asOf = "", provenance = { description: "Test files", illustrative: true }): Promise<{ response: TestResponse; id: number | null }> {
  const form = new FormData();
  const field = { "parties.csv": "parties", "reviews.csv": "reviews", "focal_points.csv": "focal_points", "parties.json": "details" } as const;
  for (const [name, content] of Object.entries(files)) form.append(field[name as keyof typeof field], new Blob([content], { type: "text/csv" }), name);
  form.append("asOf", asOf);
  form.append("description", provenance.description);
  if (provenance.illustrative) form.append("illustrative", "on");
  const response = await client.request("/admin/reviews/import", { method: "POST", body: form, headers: { Origin: client.baseUrl } });
  const id = response.location ? Number(new URL(response.location, client.baseUrl).searchParams.get("id")) : null;
  return { response, id };
}

/** The lines of a CSV export without the comment lines that mark illustrative data. */
const dataLines = (csv: string) => csv.trim().split("\n").filter((line) => !line.startsWith("#"));

async function exportFiles(client: TestClient) {
  const files: Record<string, string> = {};
  for (const name of ["parties.csv", "reviews.csv", "focal_points.csv"]) {
    const response = await client.get(`/reviews/export/${name}`);
    expect(response.status).toBe(200);
    files[name] = response.text;
  }
  return files;
}

async function restoreDemoData() {
  const { id } = await createImport({ files: await readDemoStatusFiles(), asOf: DEMO_STATUS_AS_OF, actorId: null, source: "seed", provenance: await readDemoProvenance() });
  await applyImport(id, null);
}

afterAll(restoreDemoData);

describe("the demo data reproduces the background paper's table of 2024-02-29", () => {
  it("GET /reviews/stats.json returns every figure of the table", async () => {
    const response = await anonymous.get("/reviews/stats.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const stats = JSON.parse(response.text) as ReviewStats;

    expect(stats.reviews.total).toBe(189);
    expect([stats.reviews.byGroup["1"].total, stats.reviews.byGroup["2"].total, stats.reviews.byGroup["3"].total]).toEqual([62, 63, 64]);
    expect(stats.reviews.started).toBe(73);
    expect(stats.reviews.byStage).toEqual({ focal_points: 67, initial_consultation: 49, saq: 33, written_feedback: 36, list_of_observations: 4, completed: 0 });
    expect(stats.reviews.notStarted).toBe(116);
    expect(stats.saq).toEqual({ submitted: 40, inPreparation: 33 });
    expect(stats.writtenFeedback).toEqual({ inProgress: 36, completed: 4 });

    expect(stats.languages).toMatchObject({ one: 47, two: 20, three: 4, notAgreed: 2 });
    expect(stats.languages.combinations).toMatchObject({ en: 42, fr: 2, es: 2, ar: 1, "en+fr": 6, "ar+en": 7, "en+es": 4, "en+ru": 1, "en+zh": 1, "es+fr": 1 });
    const byCount = (count: number) => Object.entries(stats.languages.combinations).filter(([key]) => key.split("+").length === count).reduce((sum, [, n]) => sum + n, 0);
    expect([byCount(1), byCount(2), byCount(3)]).toEqual([47, 20, 4]);

    const fp = stats.focalPoints;
    expect(fp).toMatchObject({ current: 171, partiesWithCurrent: 162, partiesWithout: 27, women: 53, partiesThatReplaced: 67, partiesWithSeveral: 8 });
    expect(fp.byMinistry).toEqual({ foreign_affairs: 82, justice: 62, interior: 27, other: 0 });
    const percent = (n: number) => Math.round((100 * n) / fp.current);
    expect([percent(fp.byMinistry.foreign_affairs), percent(fp.byMinistry.justice), percent(fp.byMinistry.interior)]).toEqual([48, 36, 16]);
  });

  it("stores the party details of parties.json: experts, observers, pilots, Protocols", async () => {
    const totals = await getDb()
      .selectFrom("party")
      .select((eb) => [eb.fn.sum<number>("experts_women").as("women"), eb.fn.sum<number>("experts_men").as("men"), eb.fn.countAll<number>().filterWhere("observers", "=", true).as("observers")])
      .executeTakeFirstOrThrow();
    expect(Number(totals.women) + Number(totals.men)).toBe(1006);
    expect(Number(totals.women)).toBe(391);
    expect(Number(totals.observers)).toBe(15);
    const pilots = await getDb().selectFrom("party").select("code").where("pilot_initiative", "=", true).orderBy("code").execute();
    expect(pilots.map((row) => row.code)).toEqual(["KEN", "MEX", "PAK"]);
  });

  it("shows the paper's numbers on /reviews in English, French and Arabic, with charts and their data tables", async () => {
    for (const [prefix, lang] of [["", "en"], ["/fr", "fr"], ["/ar", "ar"]] as const) {
      const response = await anonymous.get(`${prefix}/reviews`);
      expect(response.status).toBe(200);
      expect(response.text).toContain(`<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"`);
      const text = visibleText(response.text);
      expect(text).toContain(locale(lang).dashboard.title);
      for (const figure of ["189", "73", "116", "40", "171", "27", "53"]) expect(text).toContain(figure);
      expect(text).toMatch(/48\s?%/);
      // Six charts, each an SVG image labelled by its title and description, each with a data table.
      expect(response.text.match(/<svg[^>]*role="img"/g)?.length).toBe(6);
      expect(response.text.match(/<figure class="chart"/g)?.length).toBe(6);
      expect((response.text.match(/<caption>/g)?.length ?? 0) >= 6).toBe(true);
    }
    const english = visibleText((await anonymous.get("/reviews")).text);
    expect(english).toContain("Deadlines are measured on Feb 29, 2024, the date of the status report.");
    expect(english).toContain("0 of the 62 reviews of group 1 in cluster I are completed (0%)");
    expect(english).toContain("44 reviews");
  });

  it("filters the dashboard by group and cluster with plain GET parameters", async () => {
    const group1 = visibleText((await anonymous.get("/reviews?group=1")).text);
    expect(group1).toContain("62 country reviews");
    const none = visibleText((await anonymous.get("/reviews?cluster=IV")).text);
    expect(none).toContain("0 country reviews");
    // Unknown filter values are ignored rather than failing.
    expect((await anonymous.get("/reviews?group=9&cluster=X")).status).toBe(200);
  });

  it("computes the dashboard once per import, language and filter, not per request", async () => {
    const first = await getDashboardView({ group: 1 }, "fr");
    expect(await getDashboardView({ group: 1 }, "fr")).toBe(first);
    expect(await getDashboardView({ group: 2 }, "fr")).not.toBe(first);
    expect(await getDashboardView({ group: 1 }, "en")).not.toBe(first);
  });

  it("lists overdue reviews against the six-month guidelines at the reference date", async () => {
    const text = visibleText((await anonymous.get("/reviews")).text);
    expect(text).toMatch(/Reviews behind the timetable: \d+/);
  });
});

describe("the review list", () => {
  it("filters, sorts, pages and exports as CSV", async () => {
    const all = await anonymous.get("/reviews/list");
    expect(all.status).toBe(200);
    expect(visibleText(all.text)).toContain("Reviews found: 189");
    expect(visibleText(all.text)).toContain("Page 1 of 4");

    const filtered = await anonymous.get("/reviews/list?group=1&stage=list_of_observations&sort=saq&dir=desc");
    expect(visibleText(filtered.text)).toContain("Reviews found: 4");
    expect(filtered.text).toContain('aria-sort="descending"');

    const csv = await anonymous.get("/reviews/list.csv?stage=list_of_observations");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = dataLines(csv.text);
    expect(lines[0]).toBe("cluster,state_under_review,name,group,stage,reviewer_1,reviewer_2,languages,initial_consultation_on,saq_submitted_on,feedback_submitted_on,observations_final_on");
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).every((line) => line.includes(",list_of_observations,"))).toBe(true);

    const french = await anonymous.get("/fr/reviews/list?q=kenya");
    expect(visibleText(french.text)).toContain("Examens trouvés : 1");
  });
});

describe("country profiles", () => {
  it("shows kind, group, Protocols, the review's timeline, reviews as reviewer, focal point yes/no and what fits now", async () => {
    const response = await anonymous.get("/countries/KEN");
    expect(response.status).toBe(200);
    const text = visibleText(response.text);
    expect(text).toContain("Kenya");
    expect(text).toContain("Kind of party State");
    expect(text).toContain("Trafficking in Persons Protocol");
    expect(text).toContain("Stages of the review");
    expect(text).toContain("Reviews in which it is a reviewing party");
    expect(text).toMatch(/Focal point (designated|not designated)/);
    expect(text).toContain("Voluntary pilot initiative Yes");
    expect(text).toContain("What fits now");
    expect(text).toContain("What non-governmental stakeholders can do at this stage");
    // The library's resources tagged with the review's stage and cluster are listed as links.
    const fitsNow = response.text.slice(response.text.indexOf('id="fits-now"'), response.text.indexOf('id="documents"'));
    expect(fitsNow).toMatch(/<a [^>]*href="\/(library|courses)\//);
  });

  it("renders in French and Arabic with localized names", async () => {
    const french = await anonymous.get("/fr/countries/DEU");
    expect(french.status).toBe(200);
    expect(visibleText(french.text)).toContain("Allemagne");
    const arabic = await anonymous.get("/ar/countries/DEU");
    expect(arabic.status).toBe(200);
    expect(arabic.text).toContain('dir="rtl"');
    expect(visibleText(arabic.text)).toContain("ألمانيا");
  });

  it("answers an unknown or malformed code with a localized 404 and normalizes lowercase codes", async () => {
    const unknown = await anonymous.get("/countries/XYZ");
    expect(unknown.status).toBe(404);
    expect(visibleText(unknown.text)).toContain("Page not found");
    const french = await anonymous.get("/fr/countries/QQQ");
    expect(french.status).toBe(404);
    expect(visibleText(french.text)).toContain("Page introuvable");
    expect((await anonymous.get("/countries/12")).status).toBe(404);
    const lower = await anonymous.get("/countries/ken");
    expect(lower.status).toBe(302);
    expect(lower.location).toBe("/countries/KEN");
  });

  it("lists every party on /countries", async () => {
    const response = await anonymous.get("/countries");
    expect(response.status).toBe(200);
    expect(response.text.match(/href="\/countries\/[A-Z]{3}"/g)?.length).toBe(189);
  });
});

describe("focal-point names and contacts", () => {
  const leaks = (body: string) => /fp-[a-z]{3}-\d@example\.org|Focal point [A-Z]{3}-\d/.test(body);

  it("never appear on public pages, exports or as a member", async () => {
    const { client: member } = await signUpMember();
    for (const client of [anonymous, member]) {
      for (const path of ["/reviews", "/reviews/list", "/reviews/list.csv", "/countries/AFG", "/countries/ALB", "/fr/countries/KEN", "/reviews/export/focal_points.csv", "/reviews/stats.json"]) {
        const response = await client.get(path);
        expect(response.status, path).toBe(200);
        expect(leaks(response.text), path).toBe(false);
      }
    }
    expect(dataLines((await anonymous.get("/reviews/export/focal_points.csv")).text)[0]).toBe("party,ministry,gender,designated_on,replaced_on");
  });

  it("are visible to the secretariat only, on its own page and in its export", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const page = await secretariat.get("/admin/reviews/focal-points?party=ALB");
    expect(page.status).toBe(200);
    expect(page.text).toContain("fp-alb-1@example.org");
    expect(dataLines((await secretariat.get("/reviews/export/focal_points.csv")).text)[0]).toBe("party,ministry,gender,designated_on,replaced_on,name,email");
    const { client: member } = await signUpMember();
    expect((await member.get("/admin/reviews/focal-points")).status).toBe(403);
  });
});

describe("following a country", () => {
  it("lets a signed-in member follow and unfollow with POST forms; visitors are sent to sign in", async () => {
    const visitor = await new TestClient().post("/countries/KEN", { intent: "follow" });
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/sign-in\?redirectTo=/);

    const { client, email } = await signUpMember();
    const followed = await client.post("/countries/KEN", { intent: "follow" });
    expect(followed.status).toBe(302);
    expect(followed.location).toBe("/countries/KEN?followed=1");
    const user = await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    expect(await getDb().selectFrom("country_follow").selectAll().where("user_id", "=", user.id).execute()).toHaveLength(1);
    expect(visibleText((await client.get("/countries/KEN")).text)).toContain("Stop following this country");

    await client.post("/countries/KEN", { intent: "unfollow" });
    expect(await getDb().selectFrom("country_follow").selectAll().where("user_id", "=", user.id).execute()).toHaveLength(0);
    expect((await client.post("/countries/KEN", { intent: "nonsense" })).status).toBe(400);
    expect((await client.post("/countries/XYZ", { intent: "follow" })).status).toBe(404);
  });

  it("lists what a member follows on the account page, each with a form to stop following it", async () => {
    const { client, email } = await signUpMember();
    const empty = visibleText((await client.get("/fr/account")).text);
    expect(empty).toContain("Pays suivis");
    expect(empty).toContain("Vous ne suivez encore aucun pays.");

    await client.post("/countries/KEN", { intent: "follow" });
    await client.post("/countries/PAK", { intent: "follow" });
    const account = await client.get("/fr/account");
    const following = /<section[^>]*aria-labelledby="following"[\s\S]*?<\/section>/.exec(account.text)?.[0] ?? "";
    expect(visibleText(following)).toMatch(/Kenya[\s\S]*Pakistan/);
    expect(following).toContain('href="/fr/countries/KEN"');
    // One plain POST form per country: works without JavaScript.
    expect(following.match(/<form method="post"/g)).toHaveLength(2);
    expect(following).toContain('name="country" value="KEN"');

    const stopped = await client.post("/fr/account", { intent: "unfollow", country: "KEN" }, { follow: true });
    expect(stopped.url).toMatch(/\/fr\/account\?unfollowed=KEN#following$/);
    expect(visibleText(stopped.text)).toContain("Vous ne suivez plus Kenya.");
    const user = await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    expect((await getDb().selectFrom("country_follow").select("party_code").where("user_id", "=", user.id).execute()).map((row) => row.party_code)).toEqual(["PAK"]);

    // Nonsense is refused with a message and changes nothing.
    const bad = await client.post("/fr/account", { intent: "unfollow", country: "K3N" });
    expect(bad.status).toBe(400);
    expect(await getDb().selectFrom("country_follow").select("party_code").where("user_id", "=", user.id).execute()).toHaveLength(1);
    expect((await new TestClient().post("/account", { intent: "unfollow", country: "PAK" })).status).toBe(302);
  });
});

describe("importing status files", () => {
  it("through the module: a malformed file of each kind applies nothing", async () => {
    const demo = (await readDemoStatusFiles()) as Record<string, string>;
    const before = await getStats();
    const broken: Array<[string, StatusFiles]> = [
      ["parties.csv", { ...demo, "parties.csv": demo["parties.csv"]!.replace("AFG,Afghanistan,state,2,", "AFG,Afghanistan,state,7,") }],
      ["reviews.csv", { ...demo, "reviews.csv": demo["reviews.csv"]!.replace("I,ALB,AFG,KGZ,", "I,ALB,ALB,KGZ,") }],
      ["focal_points.csv", { ...demo, "focal_points.csv": demo["focal_points.csv"]!.replace("AFG,justice,female,", "AFG,justice,feminine,") }],
      ["parties.json", { ...demo, "parties.json": "[{]" }],
    ];
    for (const [file, files] of broken) {
      const plan = await planImport(files);
      expect(plan.problems.length, file).toBeGreaterThan(0);
      expect(plan.problems[0]!.file).toBe(file);
      const { id } = await createImport({ files, actorId: null, source: "cli", provenance: { description: "Test files", illustrative: true } });
      expect(await applyImport(id, null)).toMatchObject({ ok: false, reason: "hasProblems" });
    }
    expect(await getStats()).toEqual(before);
  });

  it("through the module: the demo files against the seeded data are a no-op, so seeding twice changes nothing", async () => {
    const plan = await planImport(await readDemoStatusFiles());
    expect(plan.problems).toEqual([]);
    expect(plan.changeCount).toBe(0);
    expect(plan.changes!.stages).toEqual([]);
  });

  it("is for the secretariat only: members get 403, visitors are sent to sign in", async () => {
    const { client: member } = await signUpMember();
    expect((await member.get("/admin/reviews/import")).status).toBe(403);
    expect((await upload(member, await exportFiles(anonymous))).response.status).toBe(403);
    const visitor = await new TestClient().get("/admin/reviews/import");
    expect(visitor.status).toBe(302);
  });

  it("through the upload form: a malformed file is reported with file, line and column and nothing is applied", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const files = await exportFiles(secretariat);
    const before = await getStats();
    const reviewLines = dataLines(files["reviews.csv"]!);
    // Line 3 of reviews.csv: a reviewer equal to the state under review.
    const [cluster, state, , second, ...rest] = reviewLines[2]!.split(",");
    reviewLines[2] = [cluster, state, state, second, ...rest].join(",");
    const { response, id } = await upload(secretariat, { ...files, "reviews.csv": `${reviewLines.join("\n")}\n` });
    expect(response.status).toBe(302);
    const report = visibleText((await secretariat.get(`/admin/reviews/import?id=${id}`)).text);
    expect(report).toContain("Problems found: 1");
    expect(report).toMatch(new RegExp(`reviews\\.csv 3 reviewer_1 ${state} cannot review itself\\.`));
    expect(report).not.toContain("Apply this import");

    const refused = await secretariat.post("/admin/reviews/import", { importId: String(id) });
    expect(refused.status).toBe(409);
    expect(await getStats()).toEqual(before);

    const missing = await upload(secretariat, { "parties.csv": files["parties.csv"]! });
    const missingReport = visibleText((await secretariat.get(`/admin/reviews/import?id=${missing.id}`)).text);
    expect(missingReport).toContain("reviews.csv — — The file is missing.");
    expect(missingReport).toContain("focal_points.csv — — The file is missing.");

    const french = await secretariat.get(`/fr/admin/reviews/import?id=${id}`);
    expect(visibleText(french.text)).toContain("ne peut pas s'examiner lui-même");
  });

  it("round-trips: export, import again, identical statistics and no change", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const before = await getStats();
    const files = await exportFiles(secretariat);
    const { id } = await upload(secretariat, files, DEMO_STATUS_AS_OF);
    const report = visibleText((await secretariat.get(`/admin/reviews/import?id=${id}`)).text);
    expect(report).toContain("These files match the data as it stands: applying them changes nothing.");
    const applied = await secretariat.post("/admin/reviews/import", { importId: String(id) });
    expect(applied.status).toBe(302);
    expect(await getStats()).toEqual(before);
    const data = (all: Record<string, string>) => Object.fromEntries(Object.entries(all).map(([name, text]) => [name, dataLines(text)]));
    expect(data(await exportFiles(secretariat))).toEqual(data(files));
    // Applying the same import twice is refused.
    expect((await secretariat.post("/admin/reviews/import", { importId: String(id) })).status).toBe(409);
  });

  it("applies a corrected file: the dry run lists the change, the charts change, history, audit and notifications follow", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const secretariatId = (await getDb().selectFrom("app_user").select("id").where("email", "=", DEMO.secretariat.email).executeTakeFirstOrThrow()).id;
    const files = await exportFiles(secretariat);
    const lines = dataLines(files["reviews.csv"]!);
    const header = lines[0]!.split(",");
    const index = lines.findIndex((line, i) => i > 0 && line.split(",")[header.indexOf("saq_submitted_on")] !== "" && line.split(",")[header.indexOf("feedback_submitted_on")] === "");
    const cells = lines[index]!.split(",");
    const state = cells[header.indexOf("state_under_review")]!;
    cells[header.indexOf("feedback_submitted_on")] = "2024-02-28";
    lines[index] = cells.join(",");

    const { client: follower, email } = await signUpMember();
    await follower.post(`/countries/${state}`, { intent: "follow" });
    const followerId = (await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

    const { id } = await upload(secretariat, { ...files, "reviews.csv": `${lines.join("\n")}\n` }, DEMO_STATUS_AS_OF);
    const report = visibleText((await secretariat.get(`/admin/reviews/import?id=${id}`)).text);
    expect(report).toContain("Reviews: 0 added, 0 removed, 1 changed.");
    expect(report).toContain("Reviews that change stage: 1.");
    expect(report).toContain(`I:${state} feedback_submitted_on — 2024-02-28`);
    expect(await getStats().then((stats) => stats.reviews.byStage.list_of_observations)).toBe(4);

    expect((await secretariat.post("/admin/reviews/import", { importId: String(id) })).status).toBe(302);
    const after = await getStats();
    expect(after.reviews.byStage).toMatchObject({ written_feedback: 35, list_of_observations: 5 });
    expect(after.writtenFeedback).toEqual({ inProgress: 35, completed: 5 });
    const dashboard = visibleText((await anonymous.get("/reviews")).text);
    expect(dashboard).toContain("Written feedback is completed in 5 reviews and under way in 35.");

    const history = await getDb().selectFrom("country_review_history").selectAll().where("import_id", "=", id!).execute();
    expect(history.map((entry) => [entry.state_under_review, entry.field, entry.old_value, entry.new_value, entry.changed_by])).toEqual(
      expect.arrayContaining([
        [state, "feedback_submitted_on", null, "2024-02-28", secretariatId],
        [state, "stage", "written_feedback", "list_of_observations", secretariatId],
      ]),
    );
    const notifications = await getDb().selectFrom("notification").selectAll().where("user_id", "=", followerId).execute();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: "review.stage_changed", payload: { party: state, cluster: "I", from: "written_feedback", to: "list_of_observations" }, sent_at: null });
    const audit = await getDb().selectFrom("audit_log").selectAll().where("action", "=", "reviews.import").where("entity_id", "=", String(id)).executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(secretariatId);
    // One notification per follower of that country: the test's member and any demo hub members.
    const followers = await getDb().selectFrom("country_follow").select("user_id").where("party_code", "=", state).execute();
    expect(audit.details).toMatchObject({ reviews: { changed: 1 }, stageChanges: 1, notifications: followers.length });
    expect(visibleText((await anonymous.get(`/countries/${state}`)).text)).toContain("History of changes");

    await restoreDemoData();
    expect((await getStats()).reviews.byStage.list_of_observations).toBe(4);
  });
});

describe("illustrative data are marked as such, and the mark follows the data", () => {
  const noticeTitle = (lang: string) => JSON.parse(readFileSync(`app/locales/${lang}/common.json`, "utf8")).dataNotice.title as string;

  it("every review-status page says so, in all seven languages", async () => {
    for (const lang of ["en", "fr", "es", "ar", "zh", "ru", "pt"]) {
      const prefix = lang === "en" ? "" : `/${lang}`;
      for (const path of ["/reviews", "/reviews/list", "/countries/FRA", "/countries/USA", "/reviews/export"]) {
        const response = await anonymous.get(`${prefix}${path}`);
        expect(response.status, `${prefix}${path}`).toBe(200);
        expect(response.text, `${prefix}${path}`).toContain('data-dataset="reviews"');
        expect(visibleText(response.text), `${prefix}${path}`).toContain(noticeTitle(lang));
      }
    }
  });

  it("every export says so in the file itself, and the CSV files still import", async () => {
    const list = await anonymous.get("/reviews/list.csv?lang=fr");
    expect(list.text.split("\n")[0]).toBe(`# ${noticeTitle("fr")} ${JSON.parse(readFileSync("app/locales/fr/common.json", "utf8")).dataNotice.datasets.reviews}`);
    expect(list.text.split("\n")[1]).toMatch(/^# Illustrative data\. /);
    for (const file of ["parties.csv", "reviews.csv", "focal_points.csv"]) {
      expect((await anonymous.get(`/reviews/export/${file}`)).text, file).toMatch(/^# Illustrative data\. .*\n# source: Agora demonstration data/);
    }
    const stats = JSON.parse((await anonymous.get("/reviews/stats.json?lang=es")).text);
    expect(stats.dataSource).toMatchObject({ illustrative: true, dataset: "reviews" });
    expect(stats.dataSource.notice).toContain(noticeTitle("es"));
    // The exported files, comments included, import as a no-op.
    const plan = await planImport(await exportFiles(await signInAs(DEMO.secretariat.email, DEMO.secretariat.password)));
    expect(plan.problems).toEqual([]);
    expect(plan.changeCount).toBe(0);
  });

  it("disappears once the secretariat imports data it states are real, and comes back with the demo", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const files = Object.fromEntries(Object.entries(await exportFiles(secretariat)).map(([name, text]) => [name, `${dataLines(text).join("\n")}\n`]));
    // The source is required: an upload without one is refused with a localized error.
    const form = new FormData();
    for (const [name, field] of [["parties.csv", "parties"], ["reviews.csv", "reviews"], ["focal_points.csv", "focal_points"]] as const) form.append(field, new Blob([files[name]!]), name);
    form.append("description", "   ");
    const refused = await secretariat.request("/fr/admin/reviews/import", { method: "POST", body: form, headers: { Origin: secretariat.baseUrl } });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain("Ce champ est obligatoire");

    const { id } = await upload(secretariat, files, DEMO_STATUS_AS_OF, { description: "UNODC secretariat, status on 29 February 2024", illustrative: false });
    expect(visibleText((await secretariat.get(`/admin/reviews/import?id=${id}`)).text)).toContain("Source: UNODC secretariat, status on 29 February 2024. Marked as real data.");
    expect((await secretariat.post("/admin/reviews/import", { importId: String(id) })).status).toBe(302);
    for (const path of ["/reviews?real=1", "/reviews/list?real=1", "/countries/FRA?real=1", "/fr/reviews?real=1"]) {
      const response = await anonymous.get(path);
      expect(response.text, path).not.toContain('data-dataset="reviews"');
      expect(response.status, path).toBe(200);
    }
    expect((await anonymous.get("/reviews/list.csv")).text.startsWith("cluster,")).toBe(true);
    expect((await anonymous.get("/reviews/export/reviews.csv")).text.startsWith("cluster,")).toBe(true);
    expect(JSON.parse((await anonymous.get("/reviews/stats.json")).text).dataSource).toBeNull();
    const source = await getDb().selectFrom("data_source").selectAll().where("dataset", "=", "reviews").executeTakeFirstOrThrow();
    expect(source).toMatchObject({ illustrative: false, description: "UNODC secretariat, status on 29 February 2024", review_import_id: id });

    await restoreDemoData();
    // A fresh address: anonymous renders are cached for a few seconds.
    expect((await anonymous.get("/reviews?restored=1")).text).toContain('data-dataset="reviews"');
  });
});
