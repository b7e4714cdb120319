import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), "agora-content-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COURSE_MD = `---
order: 1
estimatedMinutes: 10
passMark: 70
audiences: [general]
tags: { instruments: [untoc], articles: ["untoc:5"], clusters: [I], stages: [saq] }
title: { en: "Fixture course" }
summary: { en: "A course that exists only in this test." }
---
`;

const lesson = (body: string, translation = "reviewed") => `---\ntitle: "A lesson"\nestimatedMinutes: 5\ntranslation: ${translation}\n---\n\n${body}\n`;
const QUIZ = (correct: string) => `<Quiz id="fixture-quiz">
  <Question id="q1" kind="single" prompt="Which one?">
    <Option id="a"${correct === "a" ? " correct" : ""}>A</Option>
    <Option id="b"${correct === "b" ? " correct" : ""}>B</Option>
  </Question>
</Quiz>`;

const MULTIPLE = (prompt: string) => `<Quiz id="fixture-quiz">
  <Question id="q1" kind="multiple" prompt="${prompt}">
    <Option id="a" correct>A</Option>
    <Option id="b" correct>B</Option>
  </Question>
</Quiz>`;

function writeCourse(name: string, files: Record<string, string>) {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries({ "course.md": COURSE_MD, ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function contentCheck(courseRoot: string, extra: string[] = []) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/content-check.ts", "--root", courseRoot, ...extra], {
      env: { ...process.env, MDX_CACHE_DIR: path.join(root, ".cache") },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("npm run content:check", () => {
  it("passes on the real courses", async () => {
    const result = await contentCheck(path.resolve("content/courses"));
    expect(result.output).toMatch(/3 courses, \d+ lesson files compiled .* 0 error\(s\)/);
    expect(result.code).toBe(0);
  }, 120_000);

  it("passes on a small valid course and fails on each kind of broken lesson", async () => {
    const good = path.join(root, "good");
    mkdirSync(good);
    writeCourse("good/fixture", { "en/01-start.mdx": lesson(`Hello **world**.\n\n${QUIZ("a")}`), "fr/01-start.mdx": lesson(`Bonjour.\n\n${QUIZ("a")}`, "machine") });
    writeCourse("good/multiple", { "course.md": COURSE_MD.replace("order: 1", "order: 2"), "en/01-start.mdx": lesson(MULTIPLE("Which ones? (choose all that apply)")), "zh/01-start.mdx": lesson(MULTIPLE("哪些？（可多选）"), "machine") });
    expect((await contentCheck(good)).code).toBe(0);

    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ["unclosed", { "en/01-start.mdx": lesson("<Callout kind=\"info\">never closed") }, /01-start\.mdx/],
      ["unknown-component", { "en/01-start.mdx": lesson("<Marquee>hi</Marquee>") }, /unknown component <Marquee>/],
      ["no-correct", { "en/01-start.mdx": lesson(QUIZ("none")) }, /needs exactly one correct option/],
      ["translation-key", { "en/01-start.mdx": lesson(QUIZ("a")), "fr/01-start.mdx": lesson(QUIZ("b")) }, /differ from the English original/],
      ["bad-frontmatter", { "en/01-start.mdx": "---\ntitle: 12\n---\nText\n" }, /estimatedMinutes|translation|title/],
      ["multiple-without-hint", { "en/01-start.mdx": lesson(MULTIPLE("Which ones?")) }, /multiple-answer question "q1" must end with a note that several answers are possible/],
      ["orphan-translation", { "en/01-start.mdx": lesson("Text"), "es/02-extra.mdx": lesson("Texto") }, /no English original/],
    ];
    for (const [name, files, message] of cases) {
      const dir = path.join(root, name);
      mkdirSync(dir);
      writeCourse(`${name}/fixture`, files);
      const result = await contentCheck(dir);
      expect(result.code, name).toBe(1);
      expect(result.output, name).toMatch(message);
    }
  }, 120_000);

  it("fails on a lesson or interface string that uses a non-glossary term, and names the glossary's term", async () => {
    const base = path.join(root, "glossary-case");
    const glossary = path.join(base, "glossary");
    mkdirSync(glossary, { recursive: true });
    for (const locale of ["ar", "zh", "fr", "ru", "es", "pt"]) writeFileSync(path.join(glossary, `${locale}.yml`), "concepts: {}\n");
    writeFileSync(
      path.join(glossary, "en.yml"),
      'concepts:\n  state_under_review:\n    term: State under review\n    avoid: ["reviewed State"]\n  translation_status:\n    term: "Agora\'s translation"\n    avoidPattern: ["[Oo]fficial translation"]\n',
    );
    const locales = path.join(base, "locales");
    mkdirSync(path.join(locales, "en"), { recursive: true });
    writeFileSync(path.join(locales, "en", "courses.json"), JSON.stringify({ status: { reviewed: "Agora's translation, reviewed" } }));
    const courses = path.join(base, "courses");
    writeCourse("glossary-case/courses/fixture", { "en/01-start.mdx": lesson("Each State under review answers the questionnaire.") });
    const options = ["--glossary", glossary, "--locales", locales, "--resources", path.join(base, "none")];
    expect((await contentCheck(courses, options)).code).toBe(0);

    writeCourse("glossary-case/courses/fixture", { "en/01-start.mdx": lesson("Each reviewed State answers the questionnaire.") });
    const lessonCase = await contentCheck(courses, options);
    expect(lessonCase.code).toBe(1);
    expect(lessonCase.output).toMatch(/01-start\.mdx:\d+: uses "reviewed State"; the en glossary's term for state_under_review is "State under review"/);

    writeCourse("glossary-case/courses/fixture", { "en/01-start.mdx": lesson("Each State under review answers the questionnaire.") });
    writeFileSync(path.join(locales, "en", "courses.json"), JSON.stringify({ status: { reviewed: "Official translation" } }));
    const interfaceCase = await contentCheck(courses, options);
    expect(interfaceCase.code).toBe(1);
    expect(interfaceCase.output).toMatch(/courses\.json \(status\.reviewed\): uses \/\[Oo\]fficial translation\//);
  }, 120_000);

  it("fails on a resource with a precise date and no source, and on a treaty reference that resolves to nothing", async () => {
    const base = path.join(root, "resources-case");
    const resources = path.join(base, "resources");
    const writeResource = (slug: string, meta: string, body = "Text.") => {
      mkdirSync(path.join(resources, slug), { recursive: true });
      writeFileSync(path.join(resources, slug, "meta.yml"), meta);
      writeFileSync(path.join(resources, slug, "en.md"), `---\ntitle: "A resource"\nsummary: "A summary."\n---\n${body}\n`);
    };
    const meta = (date: string, extra = "", articles = '["untoc:5", "cluster:I"]') =>
      `type: guide\npublishedOn: ${date}\nissuingBody: "UNODC"\n${extra}tags:\n  articles: ${articles}\n  clusters: ["I"]\n`;
    writeResource("a-year", meta('"2017"'));
    writeResource("a-dated-one", meta('"2020-06-18"', 'dateSource: "UNODC press release of 7 July 2020"\n'), "See [article 5](/articles/untoc/5).");
    const courses = path.join(root, "good");
    const options = ["--resources", resources];
    expect((await contentCheck(courses, options)).code).toBe(0);

    writeResource("an-invented-day", meta('"2021-02-01"'));
    const dateCase = await contentCheck(courses, options);
    expect(dateCase.code).toBe(1);
    expect(dateCase.output).toMatch(/an-invented-day\/meta\.yml: publishedOn "2021-02-01" is a precise date without a source/);

    writeResource("an-invented-day", meta("2021"));
    writeResource("a-bad-reference", meta('"2019"', "", '["untoc:99", "cluster:V"]'), "See [article 77](/articles/som/77).");
    const referenceCase = await contentCheck(courses, options);
    expect(referenceCase.code).toBe(1);
    expect(referenceCase.output).toMatch(/article untoc:99 is not in treaty\.json/);
    expect(referenceCase.output).toMatch(/cluster:V names no cluster of treaty\.json/);
    expect(referenceCase.output).toMatch(/en\.md:\d+: link to article som:77, which is not in treaty\.json/);
    expect(referenceCase.output).not.toMatch(/an-invented-day/);
  }, 120_000);
});
