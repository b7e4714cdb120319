import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { DEMO, signInAs, signUpMember } from "../../../test/factories";
import { TestClient, visibleText } from "../../../test/http-client";

type OpenData = {
  backend: string;
  notices: string[];
  total: number;
  results: Array<{ id: string; title: string; type: string; language: string; clusters: string[]; url: string }>;
  facets: Record<string, Array<{ value: string; count: number }>>;
};

async function searchJson(path: string): Promise<OpenData> {
  const response = await new TestClient().get(path);
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as OpenData;
}

async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function multipart(fields: Record<string, string | string[]>, file?: { name: string; type: string; content: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item);
  if (file) form.append("file", new Blob([file.content], { type: file.type }), file.name);
  return form;
}

const NEW_RESOURCE = {
  slug: "guide-to-zanzibarquux-cooperation",
  type: "guide",
  publishedOn: "2025-03-01",
  issuingBody: "UNODC",
  instruments: ["untoc"],
  clusters: ["IV"],
  stages: ["saq"],
  audiences: ["ngo"],
  articles: "untoc:18, untoc:27",
  locale: "en",
  title: "Guide to zanzibarquux cooperation",
  summary: "How mutual legal assistance works in practice.",
  body: "A **practical** guide. <script>alert(1)</script>",
};

describe("library search on Meilisearch", () => {
  it("finds legislative guides despite typos", async () => {
    const data = await searchJson("/library.json?q=legslative+gide");
    expect(data.backend).toBe("meilisearch");
    expect(data.total).toBeGreaterThan(0);
    expect(data.results.slice(0, 5).every((hit) => hit.type === "legislative_guide")).toBe(true);
    const page = await new TestClient().get("/library?q=legslative+gide");
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain("Legislative Guide");
  });

  it("finds the legislative guide from a misspelled query in each of the seven languages", async () => {
    const queries: Array<[string, string]> = [
      ["en", "legslative gide"],
      ["fr", "guide legislatf"],
      ["es", "guia legislatva"],
      ["ru", "Руководсво законодательных"],
      ["ar", "الدليل التشريعى"],
      ["zh", "立法 指南"],
      ["pt", "guia legislatvo"],
    ];
    for (const [locale, q] of queries) {
      const data = await searchJson(`/library.json?${new URLSearchParams({ q, lang: locale, type: "legislative_guide" })}`);
      expect(data.total, `${locale}: ${q}`).toBeGreaterThan(0);
      expect(data.results[0]!.type).toBe("legislative_guide");
      expect(data.results[0]!.language, `${locale}: ${q}`).toBe(locale);
    }
  });

  it("narrows by facets: cluster I in Spanish", async () => {
    const all = await searchJson("/library.json?q=legislative");
    const narrowed = await searchJson("/library.json?q=legislative&cluster=I&language=es");
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(all.total);
    for (const hit of narrowed.results) {
      expect(hit.clusters).toContain("I");
      expect(hit.language).toBe("es");
      expect(hit.url).toMatch(/\/es\/library\//);
    }
  });

  it("prefers the reader's language edition and searches Chinese and Arabic text", async () => {
    const french = await searchJson("/library.json?q=legislative&lang=fr&type=legislative_guide");
    expect(french.results.some((hit) => hit.language === "fr")).toBe(true);
    const chinese = await searchJson(`/library.json?q=${encodeURIComponent("立法指南")}&lang=zh`);
    expect(chinese.results.some((hit) => hit.language === "zh" && hit.type === "legislative_guide")).toBe(true);
    const arabic = await searchJson(`/search.json?q=${encodeURIComponent("الملاحظات")}&lang=ar`);
    expect(arabic.results.some((hit) => hit.language === "ar")).toBe(true);
  });

  it("understands synonyms (SAQ ↔ self-assessment questionnaire)", async () => {
    const data = await searchJson("/library.json?q=SAQ");
    expect(data.results.some((hit) => /self-assessment questionnaire/i.test(hit.title))).toBe(true);
  });

  it("answers empty, huge and hostile queries without an error", async () => {
    expect((await searchJson("/library.json")).total).toBeGreaterThan(40);
    const huge = await searchJson(`/library.json?q=${"a".repeat(800)}`);
    expect(huge.notices).toContain("queryTruncated");
    const injected = await searchJson(`/library.json?q=guide&type=${encodeURIComponent("x OR 1=1")}&cluster=V&stage=${encodeURIComponent('"')}`);
    expect(injected.notices).toContain("filterIgnored");
    expect(injected.total).toBeGreaterThan(0);
    const quotes = await new TestClient().get(`/fr/library?q=${encodeURIComponent('"guide législatif\' OR 1=1 --')}&page=99999`);
    expect(quotes.status).toBe(200);
    expect(visibleText(quotes.text)).toMatch(/Bibliothèque/);
    const markup = '"><img src=x onerror=alert(1)>';
    const echoed = await new TestClient().get(`/search.json?q=${encodeURIComponent(markup)}`);
    expect(echoed.text).not.toMatch(/[<>]/);
    expect((JSON.parse(echoed.text) as { query: { q: string } }).query.q).toBe(markup);
  });

  it("links facets as plain links and paginates", async () => {
    const page = await new TestClient().get("/library");
    expect(page.text).toMatch(/href="\/library\?type=legislative_guide"/);
    expect(page.text).toMatch(/href="\/library\?page=2"/);
    expect(page.text).toContain('href="/library.json"');
  });
});

describe("resource pages", () => {
  it("shows the edition in the reader's language, its tags and the other editions", async () => {
    const page = await new TestClient().get("/fr/library/legislative-guide-untoc-2017");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<article lang="fr"/);
    expect(page.text).toContain('href="/fr/articles/untoc/5"');
    expect(page.text).toContain('hrefLang="zh"');
  });

  it("shows another language edition on request, in the reader's interface language", async () => {
    const page = await new TestClient().get("/library/legislative-guide-untoc-2017?edition=es");
    expect(page.text).toMatch(/<html lang="en"/);
    expect(page.text).toMatch(/<article lang="es"/);
    expect(visibleText(page.text)).toContain("Guía legislativa");
    const unknown = await new TestClient().get("/library/legislative-guide-untoc-2017?edition=xx");
    expect(unknown.text).toMatch(/<article lang="en"/);
  });

  it("falls back to English with a notice, and keeps superseded editions reachable", async () => {
    const page = await new TestClient().get("/pt/library/model-legislative-provisions-against-organized-crime-2012");
    expect(page.status).toBe(200);
    expect(page.text).toContain("/pt/library/model-legislative-provisions-against-organized-crime-2021");
    const newer = await new TestClient().get("/library/model-legislative-provisions-against-organized-crime-2021");
    expect(newer.text).toContain("/library/model-legislative-provisions-against-organized-crime-2012");
  });

  it("404s unknown resources and articles in the reader's language", async () => {
    expect((await new TestClient().get("/es/library/no-such-resource")).status).toBe(404);
    expect((await new TestClient().get("/library/BAD_slug!")).status).toBe(404);
    expect((await new TestClient().get("/articles/untoc/999")).status).toBe(404);
  });

  it("shows demonstration documents as such: fictional parties only, with the illustrative-data notice", async () => {
    const countryDocuments = await getDb().selectFrom("resource").select(["slug", "country_code", "illustrative"]).where("type", "in", ["saq_response", "list_of_observations"]).execute();
    expect(countryDocuments.length).toBeGreaterThan(0);
    // No SAQ response or list of observations is attributed to a real State.
    for (const document of countryDocuments) expect(document, document.slug).toMatchObject({ country_code: null, illustrative: true });
    for (const path of ["/library/example-saq-response-cluster-i", "/fr/library/example-list-of-observations-cluster-i", "/ar/library/example-saq-response-cluster-i"]) {
      const page = await new TestClient().get(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain('data-dataset="library"');
      expect(visibleText(page.text), path).toMatch(/Exampleland|Exempleland/);
    }
    // A year-only date shows as the year, not as 1 January.
    expect(visibleText((await new TestClient().get("/library/example-saq-response-cluster-i")).text)).toMatch(/Published 2024 /);
    const real = await new TestClient().get("/library/legislative-guide-untoc-2017");
    expect(real.text).not.toContain('data-dataset="library"');
  });

  it("lists everything tagged with an article", async () => {
    const page = await new TestClient().get("/articles/untoc/5");
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toMatch(/Participation in an organized criminal group/i);
    expect(page.text).toContain('href="/library/legislative-guide-untoc-2017"');
  });
});

describe("library administration", () => {
  it("is for the secretariat only", async () => {
    const { client } = await signUpMember();
    expect((await client.get("/admin/library")).status).toBe(403);
    const post = await client.request("/admin/library/new", { method: "POST", body: multipart(NEW_RESOURCE), headers: { Origin: client.baseUrl } });
    expect(post.status).toBe(403);
  });

  it("creates a resource that is searchable within seconds, escaping any HTML, audit-logged", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const created = await secretariat.request("/admin/library/new", {
      method: "POST",
      body: multipart(NEW_RESOURCE, { name: "guide.pdf", type: "application/pdf", content: "%PDF-1.4 test" }),
      headers: { Origin: secretariat.baseUrl },
    });
    expect(created.status).toBe(302);
    expect(created.location).toBe(`/admin/library/${NEW_RESOURCE.slug}?saved=1`);
    const found = await eventually(async () => {
      const data = await searchJson("/search.json?q=zanzibarquux");
      return data.results.find((hit) => hit.id === `resource:${NEW_RESOURCE.slug}:en`);
    });
    expect(found.title).toBe(NEW_RESOURCE.title);
    const page = await new TestClient().get(`/library/${NEW_RESOURCE.slug}`);
    expect(page.text).toContain("<strong>practical</strong>");
    expect(page.text).not.toContain("<script>alert(1)</script>");
    const download = await new TestClient().get(`/library/${NEW_RESOURCE.slug}/file/en`);
    expect(download.status).toBe(200);
    expect(download.text).toBe("%PDF-1.4 test");
    const audit = await getDb().selectFrom("audit_log").selectAll().where("action", "=", "resource.create").where("details", "@>", JSON.stringify({ slug: NEW_RESOURCE.slug }) as never).execute();
    expect(audit).toHaveLength(1);

    // An edit (French edition) and an unpublish show up in search too.
    const edited = await secretariat.request(`/admin/library/${NEW_RESOURCE.slug}`, {
      method: "POST",
      body: multipart({ ...NEW_RESOURCE, locale: "fr", title: "Guide de la coopération zanzibarquux", summary: "Résumé." }),
      headers: { Origin: secretariat.baseUrl },
    });
    expect(edited.status).toBe(302);
    await eventually(async () => (await searchJson("/search.json?q=zanzibarquux&language=fr")).results.find((hit) => hit.language === "fr"));
    const unpublished = await secretariat.post("/admin/library", { intent: "unpublish", slug: NEW_RESOURCE.slug });
    expect(unpublished.status).toBe(302);
    await eventually(async () => (await searchJson("/search.json?q=zanzibarquux")).total === 0);
    expect((await new TestClient().get(`/library/${NEW_RESOURCE.slug}`)).status).toBe(404);
  });

  it("rejects invalid fields and a bad upload without writing anything", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const storage = path.resolve(".data/storage/resources");
    const countFiles = () => (existsSync(storage) ? readdirSync(storage, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0);
    const before = countFiles();
    const badType = await secretariat.request("/admin/library/new", {
      method: "POST",
      body: multipart({ ...NEW_RESOURCE, slug: "bad-upload-resource" }, { name: "evil.html", type: "text/html", content: "<script>" }),
      headers: { Origin: secretariat.baseUrl },
    });
    expect(badType.status).toBe(400);
    expect(visibleText(badType.text)).toContain("This kind of file is not accepted.");
    const badFields = await secretariat.request("/admin/library/new", {
      method: "POST",
      body: multipart({ ...NEW_RESOURCE, slug: "Not A Slug", type: "pamphlet", articles: "untoc:5; DROP TABLE", supersedes: "no-such-resource", title: "" }),
      headers: { Origin: secretariat.baseUrl },
    });
    expect(badFields.status).toBe(400);
    const missingSupersedes = await secretariat.request("/admin/library/new", {
      method: "POST",
      body: multipart({ ...NEW_RESOURCE, slug: "orphan-edition", supersedes: "no-such-resource" }, { name: "ok.pdf", type: "application/pdf", content: "%PDF" }),
      headers: { Origin: secretariat.baseUrl },
    });
    expect(missingSupersedes.status).toBe(400);
    expect(visibleText(missingSupersedes.text)).toContain("No resource has this slug.");
    const rows = await getDb().selectFrom("resource").select("slug").where("slug", "in", ["bad-upload-resource", "not-a-slug", "orphan-edition"]).execute();
    expect(rows).toEqual([]);
    expect(countFiles()).toBe(before);
  });
});
