import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../../../test/app-server";
import { TestClient, visibleText } from "../../../test/http-client";

const strings = (locale: string) => JSON.parse(readFileSync(`app/locales/${locale}/courses.json`, "utf8"));

// Every real course is translated into every locale, so the states a translation can be in are
// shown on a fixture course: lesson 1 in English, official French and machine-assisted
// Portuguese; lesson 2 in English only. An app process of its own reads it (COURSES_DIR).
const root = mkdtempSync(path.join(tmpdir(), "agora-translations-"));
const files: Record<string, string> = {
  "course.md": `---
order: 1
estimatedMinutes: 20
passMark: 70
audiences: [general]
tags: { instruments: [untoc], articles: ["untoc:5"], clusters: [I], stages: [saq] }
title: { en: "Fixture course", fr: "Cours d'essai", pt: "Curso de teste" }
summary: { en: "A course that exists only in this test.", fr: "Un cours qui n'existe que dans ce test.", pt: "Um curso que só existe neste teste." }
---
`,
  "en/01-first.mdx": `---\ntitle: "The first lesson"\nestimatedMinutes: 10\ntranslation: reviewed\n---\n\nEnglish text of the first lesson.\n`,
  "fr/01-first.mdx": `---\ntitle: "La première leçon"\nestimatedMinutes: 10\ntranslation: reviewed\n---\n\nTexte français de la première leçon.\n`,
  "pt/01-first.mdx": `---\ntitle: "A primeira lição"\nestimatedMinutes: 10\ntranslation: machine\n---\n\nTexto português da primeira lição.\n`,
  "en/02-second.mdx": `---\ntitle: "The second lesson"\nestimatedMinutes: 10\ntranslation: reviewed\n---\n\nEnglish text of the second lesson.\n`,
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(root, "fixture", file)), { recursive: true });
  writeFileSync(path.join(root, "fixture", file), text);
}

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer({ JOBS: "off", COURSES_DIR: root, MDX_CACHE_DIR: path.join(root, ".cache") });
});
afterAll(async () => {
  await app.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("lessons in each language", () => {
  it("falls back to English with a notice when a lesson is missing in the reader's language", async () => {
    const client = new TestClient(app.url);
    client.acceptLanguage = "ar";
    const page = await client.get("/ar/courses/fixture/01-first");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(strings("ar").lesson.fallbackNotice.replace("{{language}}", "العربية"));
    expect(text).toContain(strings("ar").status.missing);
    expect(text).toContain("English text of the first lesson.");
    expect(page.text).toMatch(/<html lang="ar" dir="rtl">/);
  });

  it("marks a machine-assisted translation as such, and a reviewed one as reviewed", async () => {
    const client = new TestClient(app.url);
    client.acceptLanguage = "pt";
    const portuguese = visibleText((await client.get("/pt/courses/fixture/01-first")).text);
    expect(portuguese).toContain("Texto português da primeira lição.");
    expect(portuguese).toContain(strings("pt").status.machine);
    expect(portuguese).toContain(strings("pt").lesson.machineNotice);
    expect(portuguese).not.toContain(strings("pt").lesson.fallbackNotice.replace("{{language}}", "Português"));
    const french = visibleText((await client.get("/fr/courses/fixture/01-first")).text);
    expect(french).toContain("Texte français de la première leçon.");
    expect(french).toContain(strings("fr").status.reviewed);
    expect(french).not.toContain(strings("fr").lesson.fallbackNotice.replace("{{language}}", "Français"));
  });

  it("counts a course for a language filter only when every lesson exists in that language", async () => {
    const client = new TestClient(app.url);
    expect(visibleText((await client.get("/courses?language=en")).text)).toContain("Courses found: 1");
    expect(visibleText((await client.get("/courses?language=fr")).text)).toContain("Courses found: 0");
  });

  it("shows each lesson's translation status in the syllabus", async () => {
    const client = new TestClient(app.url);
    client.acceptLanguage = "pt";
    const syllabus = visibleText((await client.get("/pt/courses/fixture")).text);
    expect(syllabus).toContain("Curso de teste");
    expect(syllabus).toContain(strings("pt").status.machine);
    expect(syllabus).toContain(strings("pt").status.missing);
  });
});
