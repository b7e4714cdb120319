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

const lesson = (body: string, translation = "official") => `---\ntitle: "A lesson"\nestimatedMinutes: 5\ntranslation: ${translation}\n---\n\n${body}\n`;
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

async function contentCheck(courseRoot: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/content-check.ts", "--root", courseRoot], {
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
});
