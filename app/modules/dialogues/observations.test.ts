import { randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { createDialogue, DEMO, signInAs, signUpFacilitator, signUpMember } from "../../../test/factories";
import { TestClient, visibleText } from "../../../test/http-client";
import en from "~/locales/en/observations.json";

/** A word no other test uses, to find one observation in pages and search. */
const marker = () => `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;

async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A dialogue with a facilitator of its own, signed in. */
async function dialogueWithFacilitator(options: Parameters<typeof createDialogue>[0] = {}) {
  const facilitator = await signUpFacilitator();
  const dialogueId = await createDialogue({ ...options, facilitatorIds: [facilitator.userId] });
  return { dialogueId, facilitator: facilitator.client, facilitatorId: facilitator.userId };
}

async function record(client: TestClient, dialogueId: number, fields: Record<string, string | string[]>, publish = false) {
  const response = await client.post(`/dialogues/${dialogueId}/observations`, { intent: publish ? "create-publish" : "create", ...fields });
  expect(response.status, response.text.slice(0, 300)).toBe(302);
  const id = Number(/#obs-(\d+)$/.exec(response.location ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

const observationsOf = (dialogueId: number) => getDb().selectFrom("dialogue_observation").selectAll().where("dialogue_id", "=", dialogueId).orderBy("position").execute();

describe("who may read and write a dialogue's observations", () => {
  it("sends visitors to sign in, refuses members and other dialogues' facilitators, lets this one's facilitator and the secretariat in", async () => {
    const { dialogueId, facilitator } = await dialogueWithFacilitator();
    const draftId = await record(facilitator, dialogueId, { body: "A draft only the facilitators may read." });
    const paths = [`/dialogues/${dialogueId}/observations`, `/dialogues/${dialogueId}/observations/${draftId}`];

    for (const path of paths) {
      const visitor = await new TestClient().get(path);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toContain(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    }
    const { client: member } = await signUpMember();
    const other = await dialogueWithFacilitator();
    for (const client of [member, other.facilitator]) {
      for (const path of paths) expect((await client.get(path)).status, path).toBe(403);
      expect((await client.post(paths[0]!, { intent: "create", body: "Written by someone who may not." })).status).toBe(403);
      expect((await client.post(paths[0]!, { intent: "publish", observationId: String(draftId) })).status).toBe(403);
      expect((await client.post(paths[1]!, { intent: "update", body: "Rewritten by someone who may not.", baseRevision: "1" })).status).toBe(403);
      // Nor the preview of an unpublished summary.
      expect((await client.get(`/dialogues/${dialogueId}/summary`)).status).toBe(404);
    }
    expect((await observationsOf(dialogueId)).map((row) => [row.body, row.status])).toEqual([["A draft only the facilitators may read.", "draft"]]);

    const own = await facilitator.get(paths[0]!);
    expect(own.status).toBe(200);
    expect(visibleText(own.text)).toContain("A draft only the facilitators may read.");
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    for (const path of paths) expect((await secretariat.get(path)).status).toBe(200);
    expect((await secretariat.get("/dialogues/999999/observations")).status).toBe(404);
    expect((await facilitator.get(`/dialogues/${dialogueId}/observations/999999`)).status).toBe(404);
    expect((await facilitator.get(`/dialogues/${dialogueId}/observations/${(await other.facilitator.post(`/dialogues/${other.dialogueId}/observations`, { intent: "create", body: "x" })).location?.split("#obs-")[1]}`)).status).toBe(404);
  });

  it("shows a facilitator their own dialogues at /facilitator, the secretariat all, and refuses members", async () => {
    const { dialogueId, facilitator } = await dialogueWithFacilitator({ title: "Dialogue of the facilitator page" });
    const other = await createDialogue({ title: "Dialogue of someone else" });
    const page = visibleText((await facilitator.get("/facilitator")).text);
    expect(page).toContain("Dialogue of the facilitator page");
    expect(page).not.toContain("Dialogue of someone else");
    expect((await facilitator.get("/facilitator")).text).toContain(`href="/dialogues/${dialogueId}/observations"`);
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    expect((await secretariat.get("/fr/facilitator")).text).toContain(`href="/fr/dialogues/${other}/observations"`);
    const { client: member } = await signUpMember();
    expect((await member.get("/facilitator")).status).toBe(403);
    expect((await new TestClient().get("/facilitator")).status).toBe(302);
  });
});

describe("the observation editor", () => {
  it("refuses an oversized text with a message, keeps everything typed, and writes nothing", async () => {
    const { dialogueId, facilitator } = await dialogueWithFacilitator();
    const long = `${"The connection in the room dropped twice. ".repeat(130)}end`;
    expect(long.length).toBeGreaterThan(5000);
    const response = await facilitator.post(`/dialogues/${dialogueId}/observations`, {
      intent: "create",
      body: long,
      topics: ["multilingualism", "saq-good-practice"],
      clusters: "II",
      articles: "untoc:25, tip:6",
      stakeholderKinds: ["ngo", "academia"],
    });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain(en.errors.bodyTooLong.replace("{{length}}", String(long.trim().length)).replace("{{max}}", "5000"));
    // The whole text comes back in the field, and every choice stays ticked.
    expect(text).toContain(long);
    const ticked = (value: string) => new RegExp(`<input type="checkbox"[^>]* checked=""[^>]* value="${value}"`).test(response.text);
    expect(["multilingualism", "saq-good-practice", "stakeholders-in-saq", "II", "I", "academia", "ngo", "government"].map(ticked)).toEqual([true, true, false, true, false, true, true, false]);
    expect(response.text).toContain('value="untoc:25, tip:6"');
    expect(await observationsOf(dialogueId)).toEqual([]);

    const empty = await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "create", body: "   ", articles: "untoc:5" });
    expect(empty.status).toBe(400);
    const unknown = await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "create", body: "Fine text.", articles: "untoc:999", topics: "follow-up" });
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.text)).toContain(en.errors.unknownTopic);
    const badArticle = await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "create", body: "Fine text.", articles: "untoc:999" });
    expect(visibleText(badArticle.text)).toContain(en.errors.unknownArticle);
    expect(await observationsOf(dialogueId)).toEqual([]);
    const forged = await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "explode", observationId: "1" });
    expect(forged.status).toBe(400);
  });

  it("keeps the history of every edit, refuses a stale edit as a conflict without losing the text", async () => {
    const { dialogueId, facilitator, facilitatorId } = await dialogueWithFacilitator();
    const id = await record(facilitator, dialogueId, { body: "First wording of the observation.", topics: "saq-good-practice" });
    const page = await facilitator.get(`/dialogues/${dialogueId}/observations/${id}`);
    const base = /name="baseRevision" value="(\d+)"/.exec(page.text)![1]!;
    const saved = await facilitator.post(`/dialogues/${dialogueId}/observations/${id}`, { intent: "update", baseRevision: base, body: "Second wording, after the chair's review.", topics: ["saq-good-practice", "multilingualism"], articles: "untoc:5" });
    expect(saved.status).toBe(302);
    const stale = await facilitator.post(`/dialogues/${dialogueId}/observations/${id}`, { intent: "update", baseRevision: base, body: "A third wording typed on an old copy." });
    expect(stale.status).toBe(409);
    expect(visibleText(stale.text)).toContain(en.errors.conflict);
    expect(visibleText(stale.text)).toContain("A third wording typed on an old copy.");

    const [row] = await observationsOf(dialogueId);
    expect(row!.body).toBe("Second wording, after the chair's review.");
    expect(row!.topics).toEqual(["saq-good-practice", "multilingualism"]);
    const revisions = await getDb().selectFrom("dialogue_observation_revision").selectAll().where("observation_id", "=", id).orderBy("id").execute();
    expect(revisions.map((revision) => [revision.note, revision.body, revision.edited_by])).toEqual([
      ["created", "First wording of the observation.", facilitatorId],
      ["edited", "Second wording, after the chair's review.", facilitatorId],
    ]);
    const history = visibleText((await facilitator.get(`/dialogues/${dialogueId}/observations/${id}`)).text);
    expect(history).toContain(en.edit.notes.edited);
    expect(history).toContain("First wording of the observation.");
  });

  it("numbers observations in order, reorders them and merges a duplicate", async () => {
    const { dialogueId, facilitator } = await dialogueWithFacilitator();
    const a = await record(facilitator, dialogueId, { body: "Alpha observation.", topics: "saq-good-practice", clusters: "I", stakeholderKinds: "ngo" });
    const b = await record(facilitator, dialogueId, { body: "Beta observation.", topics: "multilingualism" });
    const c = await record(facilitator, dialogueId, { body: "Alpha again, said differently.", topics: "stakeholders-in-saq", clusters: "IV", articles: "untoc:18", stakeholderKinds: "academia" });
    expect((await observationsOf(dialogueId)).map((row) => row.id)).toEqual([a, b, c]);

    expect((await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "move", observationId: String(c), direction: "up" })).status).toBe(302);
    expect((await observationsOf(dialogueId)).map((row) => row.id)).toEqual([a, c, b]);
    // At the top, moving up changes nothing.
    await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "move", observationId: String(a), direction: "up" });
    expect((await observationsOf(dialogueId)).map((row) => row.id)).toEqual([a, c, b]);

    expect((await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "merge", observationId: String(c), targetId: String(c) })).status).toBe(400);
    expect((await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "merge", observationId: String(c), targetId: "" })).status).toBe(400);
    expect((await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "merge", observationId: String(c), targetId: String(a) })).status).toBe(302);
    const rows = await observationsOf(dialogueId);
    const alpha = rows.find((row) => row.id === a)!;
    expect(rows.find((row) => row.id === c)!.merged_into_id).toBe(a);
    expect(alpha.body).toBe("Alpha observation.");
    expect(alpha.topics).toEqual(["saq-good-practice", "stakeholders-in-saq"]);
    expect(alpha.clusters).toEqual(["I", "IV"]);
    expect(alpha.articles).toEqual(["untoc:18"]);
    expect(alpha.stakeholder_kinds).toEqual(["ngo", "academia"]);

    // The editor numbers the live ones 1, 2 and lists the duplicate apart; the summary leaves it out.
    const editor = visibleText((await facilitator.get(`/dialogues/${dialogueId}/observations`)).text);
    expect(editor).toContain(en.editor.mergedInto.replace("{{number}}", "1"));
    await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "publish", observationId: String(a) });
    await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "publish", observationId: String(b) });
    const summary = visibleText((await facilitator.get(`/dialogues/${dialogueId}/summary`)).text);
    expect(summary).toContain("Alpha observation.");
    expect(summary).toContain("Beta observation.");
    expect(summary).not.toContain("Alpha again, said differently.");

    // A merged observation can be restored to its place.
    expect((await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "unmerge", observationId: String(c) })).status).toBe(302);
    expect((await observationsOf(dialogueId)).find((row) => row.id === c)!.merged_into_id).toBeNull();
  });
});

describe("the chair's summary", () => {
  it("is a preview for editors until published; publishing files it in the library, indexes each observation and is audited", async () => {
    const word = marker();
    const { dialogueId, facilitator } = await dialogueWithFacilitator({ illustrative: true, year: 2019 });
    const published = await record(facilitator, dialogueId, { body: `Participants asked for ${word} training on the questionnaire.`, topics: "saq-good-practice", clusters: "I", articles: "untoc:23", stakeholderKinds: "ngo" }, true);
    const second = await record(facilitator, dialogueId, { body: `A second point on ${word} multilingual documents.`, topics: "multilingualism" }, true);
    await record(facilitator, dialogueId, { body: `A draft about ${word} that must stay private.` });

    expect((await new TestClient().get(`/dialogues/${dialogueId}/summary`)).status).toBe(404);
    expect((await new TestClient().get(`/dialogues/${dialogueId}/summary.pdf`)).status).toBe(404);
    const preview = visibleText((await facilitator.get(`/dialogues/${dialogueId}/summary`)).text);
    expect(preview).toContain(en.summary.preview);
    expect(preview).toContain(en.summary.notHeldYet);
    // Not yet held: publishing is refused.
    const early = await facilitator.post(`/dialogues/${dialogueId}/summary`, { intent: "publish-summary" });
    expect(early.status).toBe(409);
    expect(visibleText(early.text)).toContain(en.summary.errors.notHeld);

    await getDb().updateTable("dialogue").set({ state: "held" }).where("id", "=", dialogueId).execute();
    const { client: member } = await signUpMember();
    expect((await member.post(`/dialogues/${dialogueId}/summary`, { intent: "publish-summary" })).status).toBe(403);
    expect((await facilitator.post(`/dialogues/${dialogueId}/summary`, { intent: "publish-summary" })).status).toBe(302);
    expect((await facilitator.post(`/dialogues/${dialogueId}/summary`, { intent: "publish-summary" })).status).toBe(409);

    const dialogue = await getDb().selectFrom("dialogue").select(["state", "summary_published_at", "session_code"]).where("id", "=", dialogueId).executeTakeFirstOrThrow();
    expect(dialogue.state).toBe("summary_published");
    expect(dialogue.summary_published_at).not.toBeNull();
    const audit = await getDb().selectFrom("audit_log").selectAll().where("entity_type", "=", "dialogue").where("entity_id", "=", String(dialogueId)).execute();
    expect(audit.map((entry) => entry.action)).toEqual(["dialogue.summary_publish"]);
    const resource = await getDb().selectFrom("resource").selectAll().where("slug", "=", `chairs-summary-${dialogue.session_code}-${dialogueId}`).executeTakeFirstOrThrow();
    expect(resource.type).toBe("chairs_summary");
    expect(resource.articles).toEqual(["untoc:23"]);
    // The observations are English text: only the English edition carries it; the French one points to the page.
    const editions = await getDb().selectFrom("resource_edition").select(["locale", "body"]).where("resource_id", "=", resource.id).orderBy("locale").execute();
    expect(editions.map((edition) => [edition.locale, edition.body.includes(word)])).toEqual([
      ["en", true],
      ["fr", false],
    ]);
    const documents = await getDb().selectFrom("search_document").select(["item_id", "kind", "path"]).where("kind", "=", "observation").where("item_id", "in", [`observation:${published}`, `observation:${second}`]).orderBy("item_id").execute();
    expect(documents.map((document) => document.path).sort()).toEqual([`/dialogues/${dialogueId}/summary#observation-1`, `/dialogues/${dialogueId}/summary#observation-2`]);

    // Public now, in every language, with the illustrative notice and without the draft.
    const page = await new TestClient().get(`/fr/dialogues/${dialogueId}/summary`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(`Participants asked for ${word} training`);
    expect(text).not.toContain("must stay private");
    expect(page.text).toContain('id="observation-1"');
    const english = visibleText((await new TestClient().get(`/dialogues/${dialogueId}/summary`)).text);
    expect(english).toContain(en.summary.illustrative);
    expect((await new TestClient().get(`/library/${resource.slug}`)).status).toBe(200);

    const pdf = await new TestClient().get(`/ar/dialogues/${dialogueId}/summary.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = await fetch(new URL(`/dialogues/${dialogueId}/summary.pdf`, process.env.APP_URL)).then((response) => response.arrayBuffer());
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(document.getTitle()).toContain(en.summary.title);
    expect(document.getTitle()).toContain("Test dialogue");

    // The search finds the observation, as kind `observation`, linking to its place in the summary.
    const hit = await eventually(async () => {
      const data = (await (await fetch(new URL(`/search.json?q=${word}&kind=observation`, process.env.APP_URL))).json()) as { results: Array<{ kind: string; url: string; title: string }> };
      return data.results.find((result) => result.url.endsWith(`/dialogues/${dialogueId}/summary#observation-1`));
    });
    expect(hit.kind).toBe("observation");

    // Withdrawing an observation of a published summary takes it out of the search in the same transaction.
    await facilitator.post(`/dialogues/${dialogueId}/observations`, { intent: "unpublish", observationId: String(published) });
    const left = await getDb().selectFrom("search_document").select("path").where("item_id", "in", [`observation:${published}`, `observation:${second}`]).execute();
    expect(left.map((row) => row.path)).toEqual([`/dialogues/${dialogueId}/summary#observation-1`]);
  });
});

describe("published observations across dialogues", () => {
  it("are listed at /observations with filters by topic, cluster, article and year, and on the article's page", async () => {
    const word = marker();
    const { dialogueId, facilitator } = await dialogueWithFacilitator({ year: 2018 });
    await record(facilitator, dialogueId, { body: `On ${word} and the obstruction of justice.`, topics: "saq-good-practice", clusters: "I", articles: "untoc:23", stakeholderKinds: "academia" }, true);
    await record(facilitator, dialogueId, { body: `On ${word} and interpretation at the dialogue.`, topics: "multilingualism", clusters: "IV" }, true);
    await record(facilitator, dialogueId, { body: `A ${word} draft nobody else may see.`, topics: "multilingualism" });
    // Observations of a draft dialogue stay hidden too.
    const hidden = await dialogueWithFacilitator({ state: "draft", year: 2018 });
    await record(hidden.facilitator, hidden.dialogueId, { body: `A ${word} observation of a draft dialogue.`, clusters: "I" }, true);

    const list = async (query: string) => {
      const response = await new TestClient().get(`/observations?${query}`);
      expect(response.status).toBe(200);
      return visibleText(response.text);
    };
    const all = await list("year=2018");
    expect(all).toContain(`On ${word} and the obstruction of justice.`);
    expect(all).toContain(`On ${word} and interpretation at the dialogue.`);
    expect(all).not.toContain("draft nobody else may see");
    expect(all).not.toContain("observation of a draft dialogue");
    const byTopic = await list("topic=multilingualism&year=2018");
    expect(byTopic).toContain("interpretation at the dialogue");
    expect(byTopic).not.toContain("obstruction of justice.");
    const byCluster = await list("cluster=I&year=2018");
    expect(byCluster).toContain("obstruction of justice.");
    expect(byCluster).not.toContain("interpretation at the dialogue");
    const byArticle = await list("article=UNTOC:23");
    expect(byArticle).toContain(`On ${word} and the obstruction of justice.`);
    expect(byArticle).not.toContain(`On ${word} and interpretation`);
    expect(await list("year=2017")).not.toContain(word);
    // Bad filter values are ignored, never an error.
    expect(await list(`cluster=V&year=abc&article=${encodeURIComponent("' OR 1=1")}&page=-4`)).toContain(en.list.title);
    const page = await new TestClient().get("/fr/observations?topic=multilingualism&year=2018");
    expect(page.text).toContain(`href="/fr/dialogues/${dialogueId}"`);

    const article = await new TestClient().get("/articles/untoc/23");
    expect(article.status).toBe(200);
    const text = visibleText(article.text);
    expect(text).toContain(en.article.title);
    expect(text).toContain(`On ${word} and the obstruction of justice.`);
    expect(text).not.toContain(`On ${word} and interpretation`);
  });
});

describe("the demo data", () => {
  it("gives the 2023 dialogue 22 illustrative published observations under its topics and a published summary; the upcoming one two drafts", async () => {
    const held = await getDb().selectFrom("dialogue").select(["id", "state", "illustrative"]).where("session_code", "=", "wg-2023").executeTakeFirstOrThrow();
    expect(held.state).toBe("summary_published");
    expect(held.illustrative).toBe(true);
    const participation = JSON.parse((await new TestClient().get(`/dialogues/${held.id}/participation.json`)).text) as { observations: number };
    expect(participation.observations).toBe(22);
    const rows = await observationsOf(held.id);
    expect(rows.every((row) => row.status === "published" && row.topics.length > 0 && row.stakeholder_kinds.length > 0)).toBe(true);
    // Every topic of the paper's a–j is discussed.
    expect(new Set(rows.flatMap((row) => row.topics)).size).toBe(10);

    const page = await new TestClient().get(`/dialogues/${held.id}/summary`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="observation-22"');
    expect(visibleText(page.text)).toContain(en.summary.illustrative);
    const documents = await getDb().selectFrom("search_document").select("id").where("kind", "=", "observation").where("path", "like", `/dialogues/${held.id}/summary#%`).execute();
    expect(documents).toHaveLength(22);
    const resource = await getDb().selectFrom("resource").select(["type", "slug"]).where("slug", "like", `chairs-summary-wg-2023-${held.id}`).executeTakeFirstOrThrow();
    expect(resource.type).toBe("chairs_summary");

    const upcoming = await getDb().selectFrom("dialogue").select("id").where("session_code", "=", "wg-2027").executeTakeFirstOrThrow();
    expect((await observationsOf(upcoming.id)).map((row) => row.status)).toEqual(["draft", "draft"]);
  });
});
