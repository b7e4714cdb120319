import { describe, expect, it } from "vitest";
import { auditPage, useBrowser } from "./browser";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;

describe("a visitor in the library, in a real browser", () => {
  it("finds the legislative guide from a misspelled query, narrows to cluster I in Spanish, and reads it", async () => {
    const page = await browser().newPage();
    await page.goto(`${appUrl()}/library`);
    // Results follow the typing (JavaScript on); the same form also works as a plain GET.
    await page.getByLabel("Search").fill("legslative gide");
    await page.waitForURL(/q=legslative\+gide/);
    await page.getByRole("heading", { level: 2, name: /results for “legslative gide”/ }).waitFor();
    expect(await page.locator(".result h3 a").first().textContent()).toMatch(/Legislative Guide/);
    // The page is not hydrated: live-search.js swapped the results in place, the reader keeps typing.
    expect(await page.evaluate(() => [document.activeElement?.id, "__remixContext" in window])).toEqual(["q", false]);

    await page.getByRole("link", { name: /^Cluster I: Criminalization and jurisdiction/ }).click();
    await page.waitForURL(/cluster=I(&|$)/);
    // The URL changes before React commits the new results (navigations render in a transition):
    // wait for what the new page shows, not only for the address.
    await page.getByRole("link", { name: /^Remove filter: Cluster I\b/ }).waitFor();
    await page.locator(".facet").filter({ hasText: "Language" }).getByRole("link", { name: /Español/ }).click();
    await page.waitForURL(/language=es/);
    await page.getByRole("link", { name: /^Remove filter: Español/ }).waitFor();
    await page.getByRole("link", { name: /^Remove filter: Cluster I\b/ }).waitFor();
    const first = page.locator(".result h3 a").first();
    expect(await first.getAttribute("href")).toMatch(/^\/library\/[a-z0-9-]+\?edition=es$/);
    expect(await first.textContent()).toMatch(/Guía legislativa/);

    await first.click();
    await page.waitForURL(/edition=es/);
    await page.locator('article[lang="es"] h1').waitFor();
    expect(await page.locator('article[lang="es"] h1').textContent()).toMatch(/Guía legislativa/);
    await page.close();
  });
});

describe("accessibility of the library (axe-core, WCAG 2.2 AA)", () => {
  for (const path of ["/library?q=guide", "/library/legislative-guide-untoc-2017", "/ar/library/example-saq-response-cluster-i", "/search?q=questionnaire", "/articles/untoc/5", "/ar/library?q=%D8%A7%D9%84%D8%AF%D9%84%D9%8A%D9%84", "/about", "/ar/about"]) {
    it(`has no violations on ${path}`, async () => {
      expect(await auditPage(browser(), path)).toEqual([]);
    });
  }
});
