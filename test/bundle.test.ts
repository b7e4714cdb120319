import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

// Readers are often on slow connections: what a page makes the browser download is a budget.
// `npm test` builds before it runs, so public/build is the production build under test.
const BUILD = path.resolve("public/build");
const BUDGET_KB_GZIPPED = 125;

function findFile(dir: string, prefix: string) {
  const name = readdirSync(path.join(BUILD, dir)).find((file) => file.startsWith(prefix) && file.endsWith(".js"));
  if (!name) throw new Error(`no ${prefix}*.js in public/build/${dir}`);
  return path.posix.join(dir, name);
}

/** Every script a first visit to a route loads: entry, manifest, root, the route, and what they import. */
function scriptsOf(routeFile: string) {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, imported] of readFileSync(path.join(BUILD, file), "utf8").matchAll(/"\/build\/([^"]+\.js)"/g)) visit(imported!);
  };
  for (const file of [findFile(".", "entry.client-"), findFile(".", "root-"), findFile("routes", routeFile)]) visit(file);
  // The manifest names every route's files as strings; it is loaded itself, its routes are not.
  return [...files, findFile(".", "manifest-")];
}

describe("the JavaScript a page ships", () => {
  for (const route of ["($lang).courses.$course.$lesson-", "($lang).reviews._index-", "($lang).library._index-", "($lang).sign-up-", "($lang).account-"]) {
    it(`stays within ${BUDGET_KB_GZIPPED} KB gzipped, without zod, for ${route.slice(0, -1)}`, () => {
      const files = scriptsOf(route);
      for (const file of files) expect(readFileSync(path.join(BUILD, file), "utf8"), file).not.toMatch(/\bZodObject\b|\$ZodType/);
      const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(BUILD, file)), { level: 9 }).length, 0);
      expect(gzipped / 1024).toBeLessThan(BUDGET_KB_GZIPPED);
    });
  }
});

// Decisions 0033 and 0037: reading pages that work fully as HTML load no JavaScript at all; the
// search pages load one small script of their own for search as you type; pages with behaviour
// that needs the app (forms that fetch, accounts) keep Remix's scripts.
describe("the JavaScript a first visit loads, per page type", () => {
  const READING_PAGES = ["/", "/courses", "/courses/review-mechanism", "/courses/review-mechanism/01-what-is-the-review-mechanism", "/library/legislative-guide-untoc-2017", "/articles/untoc/5", "/reviews", "/reviews/list", "/countries", "/countries/KEN", "/fr/countries/KEN", "/about"];
  const SEARCH_PAGES = ["/library", "/library?q=guide", "/search?q=guide", "/ar/search?q=guide"];
  const HYDRATED_PAGES = ["/sign-in", "/dialogues"];
  const SEARCH_SCRIPT_BUDGET_KB_GZIPPED = 2;
  const englishCookie = `agora_lng=${encodeURIComponent(Buffer.from('"en"').toString("base64"))}`;
  const pageHtml = async (page: string) => {
    const response = await fetch(`${process.env.APP_URL}${page}`, { headers: { cookie: englishCookie } });
    expect(response.status).toBe(200);
    return response.text();
  };
  const scriptsIn = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  const expectNoApp = (html: string) => {
    expect(html).not.toContain("__remixContext");
    expect(html).not.toContain('rel="modulepreload"');
  };

  for (const page of READING_PAGES) {
    it(`${page}: no scripts and no serialized loader data`, async () => {
      const html = await pageHtml(page);
      expect(scriptsIn(html)).toEqual([]);
      expectNoApp(html);
    });
  }
  for (const page of SEARCH_PAGES) {
    it(`${page}: only the search-as-you-type script, within ${SEARCH_SCRIPT_BUDGET_KB_GZIPPED} KB gzipped`, async () => {
      const html = await pageHtml(page);
      const scripts = scriptsIn(html);
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(/^<script src="\/scripts\/live-search\.js" defer="" nonce="[^"]+">$/);
      expectNoApp(html);
      const script = await (await fetch(`${process.env.APP_URL}/scripts/live-search.js`)).arrayBuffer();
      expect(gzipSync(Buffer.from(script), { level: 9 }).length / 1024).toBeLessThan(SEARCH_SCRIPT_BUDGET_KB_GZIPPED);
    });
  }
  for (const page of HYDRATED_PAGES) {
    it(`${page}: hydrated (its behaviour needs JavaScript)`, async () => {
      expect(await pageHtml(page)).toContain("__remixContext");
    });
  }
});
