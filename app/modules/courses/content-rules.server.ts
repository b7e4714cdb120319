/**
 * Checks of authored content beyond compiling it (run by `npm run content:check`):
 * - every lesson, resource edition, course title and summary, treaty text and interface string of a
 *   language uses its glossary's term for each concept (content/glossary/<locale>.yml): any variant
 *   the glossary lists under `avoid` or `avoidPattern` is an error;
 * - every resource date is a year, or a month or day with the source it was taken from;
 * - every treaty reference resolves: article tags and `cluster:` tags of resources, courses and
 *   lessons, and `/articles/<instrument>/<number>` links in their text, name an article or a cluster
 *   of content/treaty/treaty.json.
 * Each returns a list of errors ("file:line: message"); none throws on bad content.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parse as parseYaml } from "yaml";
import { LOCALES, type Locale } from "~/utils/i18n";

const GlossaryFile = z.strictObject({
  concepts: z.record(
    z.string().regex(/^[a-z_]+$/),
    z.strictObject({
      term: z.string().min(1),
      source: z.string().optional(),
      avoid: z.array(z.string().min(1)).default([]),
      avoidPattern: z.array(z.string().min(1)).default([]),
    }),
  ),
});

type Rule = { concept: string; term: string; label: string; test: (line: string) => boolean };

/** The glossary of `locale` as rules, or an error when the file is missing or malformed. */
export function readGlossary(dir: string, locale: Locale): { rules: Rule[]; errors: string[] } {
  const file = path.join(dir, `${locale}.yml`);
  if (!existsSync(file)) return { rules: [], errors: [`${file}: missing glossary for ${locale}`] };
  const parsed = GlossaryFile.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) return { rules: [], errors: [`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`] };
  const rules: Rule[] = [];
  const errors: string[] = [];
  for (const [concept, entry] of Object.entries(parsed.data.concepts)) {
    for (const variant of entry.avoid) rules.push({ concept, term: entry.term, label: `"${variant}"`, test: (line) => line.includes(variant) });
    for (const pattern of entry.avoidPattern) {
      try {
        const regex = new RegExp(pattern, "u");
        rules.push({ concept, term: entry.term, label: `/${pattern}/`, test: (line) => regex.test(line) });
      } catch {
        errors.push(`${file}: ${concept}: invalid avoidPattern ${pattern}`);
      }
    }
  }
  return { rules, errors };
}

/** Every string value of a JSON tree, with the dotted key it sits under. */
function jsonStrings(value: unknown, prefix = ""): Array<{ key: string; text: string }> {
  if (typeof value === "string") return [{ key: prefix, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => jsonStrings(item, `${prefix}[${index}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, child]) => jsonStrings(child, prefix ? `${prefix}.${key}` : key));
  return [];
}

/** The texts of one language: [where, text] pairs, line by line for files. */
function textsOf(locale: Locale, roots: ContentRoots): Array<{ where: string; text: string }> {
  const texts: Array<{ where: string; text: string }> = [];
  const addFile = (file: string) => readFileSync(file, "utf8").split("\n").forEach((text, index) => texts.push({ where: `${file}:${index + 1}`, text }));
  for (const course of listDirs(roots.courses)) {
    const dir = path.join(roots.courses, course, locale);
    if (existsSync(dir)) for (const file of readdirSync(dir).filter((name) => name.endsWith(".mdx")).sort()) addFile(path.join(dir, file));
    const courseFile = path.join(roots.courses, course, "course.md");
    if (existsSync(courseFile)) {
      const front = parseYaml(readFileSync(courseFile, "utf8").split(/^---$/m)[1] ?? "") as { title?: Record<string, string>; summary?: Record<string, string> } | null;
      for (const field of ["title", "summary"] as const) {
        const text = front?.[field]?.[locale];
        if (text) texts.push({ where: `${courseFile} (${field}.${locale})`, text });
      }
    }
  }
  for (const slug of listDirs(roots.resources)) {
    const file = path.join(roots.resources, slug, `${locale}.md`);
    if (existsSync(file)) addFile(file);
  }
  const localeDir = path.join(roots.locales, locale);
  if (existsSync(localeDir)) {
    for (const file of readdirSync(localeDir).filter((name) => name.endsWith(".json")).sort()) {
      const full = path.join(localeDir, file);
      for (const { key, text } of jsonStrings(JSON.parse(readFileSync(full, "utf8")))) texts.push({ where: `${full} (${key})`, text });
    }
  }
  if (existsSync(roots.treaty)) {
    for (const { key, text } of jsonStrings(JSON.parse(readFileSync(roots.treaty, "utf8")))) {
      if (key.endsWith(`.${locale}`)) texts.push({ where: `${roots.treaty} (${key})`, text });
    }
  }
  return texts;
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
}

export type ContentRoots = { courses: string; resources: string; glossary: string; locales: string; treaty: string };

/** Every use, in a language's texts, of a variant its glossary says to avoid. */
export function checkGlossary(roots: ContentRoots): string[] {
  const errors: string[] = [];
  for (const locale of LOCALES) {
    const glossary = readGlossary(roots.glossary, locale);
    errors.push(...glossary.errors);
    if (!glossary.rules.length) continue;
    for (const { where, text } of textsOf(locale, roots)) {
      for (const rule of glossary.rules) {
        if (rule.test(text)) errors.push(`${where}: uses ${rule.label}; the ${locale} glossary's term for ${rule.concept} is "${rule.term}"`);
      }
    }
  }
  return errors;
}

const PRECISE_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/** Resource dates: a year alone, or a month or day with `dateSource` saying where it comes from. */
export function checkResourceDates(resourcesDir: string): string[] {
  const errors: string[] = [];
  for (const slug of listDirs(resourcesDir)) {
    const file = path.join(resourcesDir, slug, "meta.yml");
    if (!existsSync(file)) continue;
    const meta = (parseYaml(readFileSync(file, "utf8")) ?? {}) as { publishedOn?: unknown; dateSource?: unknown };
    const date = meta.publishedOn === undefined ? "" : String(meta.publishedOn);
    if (/^\d{4}$/.test(date)) continue;
    if (!PRECISE_DATE.test(date)) {
      errors.push(`${file}: publishedOn "${date}" is neither a year (YYYY) nor a date (YYYY-MM or YYYY-MM-DD)`);
      continue;
    }
    if (typeof meta.dateSource !== "string" || !meta.dateSource.trim()) {
      errors.push(`${file}: publishedOn "${date}" is a precise date without a source: give the year alone, or add dateSource (where the date was taken from)`);
    }
  }
  return errors;
}

/** Article and cluster tags, and /articles/… links, that name nothing in treaty.json. */
export function checkTreatyReferences(roots: ContentRoots): string[] {
  if (!existsSync(roots.treaty)) return [`${roots.treaty}: missing`];
  const treaty = JSON.parse(readFileSync(roots.treaty, "utf8")) as { instruments: Array<{ code: string; articles: Array<{ number: string }> }>; clusters: Array<{ code: string }> };
  const articles = new Set(treaty.instruments.flatMap((instrument) => instrument.articles.map((article) => `${instrument.code}:${article.number}`)));
  const clusters = new Set(treaty.clusters.map((cluster) => cluster.code));
  const errors: string[] = [];
  const checkRef = (where: string, ref: unknown) => {
    if (typeof ref !== "string") return errors.push(`${where}: article tag ${JSON.stringify(ref)} is not text`);
    if (ref.startsWith("cluster:")) {
      if (!clusters.has(ref.slice("cluster:".length))) errors.push(`${where}: ${ref} names no cluster of treaty.json`);
    } else if (!articles.has(ref)) errors.push(`${where}: article ${ref} is not in treaty.json`);
  };
  const checkTags = (where: string, data: unknown) => {
    const tags = (data as { tags?: { articles?: unknown; clusters?: unknown } } | null)?.tags;
    if (Array.isArray(tags?.articles)) for (const ref of tags.articles) checkRef(where, ref);
    if (Array.isArray(tags?.clusters)) for (const code of tags.clusters) if (!clusters.has(String(code))) errors.push(`${where}: cluster ${String(code)} is not in treaty.json`);
  };
  const checkLinks = (file: string) => {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        for (const match of line.matchAll(/\/articles\/([a-z]+)\/(\d+(?:bis|ter)?)\b/g)) {
          if (!articles.has(`${match[1]}:${match[2]}`)) errors.push(`${file}:${index + 1}: link to article ${match[1]}:${match[2]}, which is not in treaty.json`);
        }
      });
  };
  const frontmatter = (file: string) => parseYaml(readFileSync(file, "utf8").split(/^---$/m)[1] ?? "") as unknown;
  for (const course of listDirs(roots.courses)) {
    const courseFile = path.join(roots.courses, course, "course.md");
    if (existsSync(courseFile)) checkTags(courseFile, frontmatter(courseFile));
    for (const locale of LOCALES) {
      const dir = path.join(roots.courses, course, locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((name) => name.endsWith(".mdx"))) {
        checkTags(path.join(dir, file), frontmatter(path.join(dir, file)));
        checkLinks(path.join(dir, file));
      }
    }
  }
  for (const slug of listDirs(roots.resources)) {
    const meta = path.join(roots.resources, slug, "meta.yml");
    if (existsSync(meta)) checkTags(meta, parseYaml(readFileSync(meta, "utf8")));
    for (const file of readdirSync(path.join(roots.resources, slug)).filter((name) => name.endsWith(".md"))) checkLinks(path.join(roots.resources, slug, file));
  }
  return errors;
}
