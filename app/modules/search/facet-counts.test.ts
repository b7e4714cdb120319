import { describe, expect, it } from "vitest";
import { TestClient, visibleText } from "../../../test/http-client";

/** A facet link as the server renders it: where it leads, the count it promises, whether it is chosen. */
type FacetLink = { href: string; count: number; active: boolean; label: string };

function decode(href: string) {
  return href.replace(/&amp;/g, "&");
}

/** The facet links of a search page's sidebar, read from the server-rendered HTML (no JavaScript). */
function facetLinks(html: string): FacetLink[] {
  const aside = /<aside class="search-facets"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? "";
  return [...aside.matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/g)].flatMap(([, attributes, inner]) => {
    const count = /facet__count">\(([^)]*)\)/.exec(inner!)?.[1];
    const href = /href="([^"]*)"/.exec(attributes!)?.[1];
    if (count === undefined || href === undefined) return [];
    return [{ href: decode(href), count: Number(visibleText(count).replace(/\D/g, "")), active: attributes!.includes('aria-current="true"'), label: visibleText(inner!).trim() }];
  });
}

/** The number of results the page says it found (the first number of the results heading). */
function totalOf(html: string) {
  const heading = /<h2 id="results-heading"[^>]*>([\s\S]*?)<\/h2>/.exec(html)?.[1];
  if (heading === undefined) throw new Error("no results heading");
  const total = /\d[\d\s,.\u202f\u00a0]*/.exec(visibleText(heading))?.[0];
  return Number((total ?? "0").replace(/\D/g, ""));
}

async function page(client: TestClient, path: string) {
  const response = await client.get(path);
  expect(response.status, path).toBe(200);
  return response.text;
}

/** Every link of the chosen facets must lead to as many results as it promises. */
async function checkCounts(path: string, which: (link: FacetLink) => boolean) {
  const client = new TestClient();
  const html = await page(client, path);
  const links = facetLinks(html).filter(which);
  const base = new URL(path, "http://x");
  const mismatches: string[] = [];
  for (const link of links) {
    if (link.active) {
      // A chosen value's count is the results that have it; with one value chosen, all of them.
      continue;
    }
    const target = new URL(link.href, base);
    const total = totalOf(await page(client, `${target.pathname}${target.search}`));
    if (total !== link.count) mismatches.push(`${link.label}: promises ${link.count}, gives ${total} (${target.pathname}${target.search})`);
  }
  return { links, mismatches, html };
}

const isLanguageLink = (link: FacetLink) => new URL(link.href, "http://x").searchParams.has("language") || link.active;

// Other test files add and remove documents in the same index while these run (a new resource, a
// published chair's summary): a count and its click can straddle such a change. A real mismatch
// fails every try; a change in between does not repeat.
describe("facet counts tell the truth", { retry: 2 }, () => {
  // The searches of issue 14, and others in several languages, with and without other filters.
  const searches = [
    "/search?q=trafiking",
    "/search?q=trafiking&cluster=II",
    "/library?q=trafiking",
    "/fr/search?q=traite",
    "/fr/library?q=traite&type=legislative_guide",
    "/es/search?q=trata&cluster=I",
    `/ar/library?q=${encodeURIComponent("الدليل")}`,
    `/zh/search?q=${encodeURIComponent("指南")}`,
    "/ru/library",
    "/search?q=guide&language=fr",
    "/pt/library?q=guia&stage=saq",
  ];
  for (const path of searches) {
    it(`every language's count is what clicking it returns on ${path}`, async () => {
      const { links, mismatches } = await checkCounts(path, (link) => isLanguageLink(link));
      expect(links.filter((link) => !link.active).length, "language links").toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    });
  }

  for (const path of ["/search?q=trafiking", "/library?q=legislative&cluster=I", "/fr/search?q=traite&language=en&type=lesson"]) {
    it(`every value of every facet keeps its promise on ${path}`, async () => {
      const { links, mismatches } = await checkCounts(path, () => true);
      expect(links.length).toBeGreaterThan(5);
      expect(mismatches).toEqual([]);
    }, 60_000);
  }

  it("keeps the filters on the page when a filtered search finds nothing, so they can be undone", async () => {
    const client = new TestClient();
    const html = await page(client, "/library?q=trafiking&language=fr&cluster=II");
    expect(totalOf(html)).toBe(0);
    const links = facetLinks(html);
    const chosen = links.filter((link) => link.active);
    // Both chosen values are still there, each as a link that removes it…
    expect(chosen.map((link) => link.label).sort()).toEqual([expect.stringMatching(/^✓ Cluster II\b/), expect.stringMatching(/^✓ Français/)].sort());
    for (const link of chosen) expect(new URL(link.href, "http://x").search).not.toMatch(link.label.includes("Français") ? /language=fr/ : /cluster=II/);
    // …and the other languages say what they would give.
    const english = links.find((link) => /^English/.test(link.label));
    expect(english?.count).toBeGreaterThan(0);
    expect(totalOf(await page(client, english!.href.startsWith("?") ? `/library${english!.href}` : english!.href))).toBe(english!.count);
  });
});
