/**
 * Client-side navigation from a hydrated page into other areas shows the new page's strings, not
 * their keys (decision 0035): the routes declare their namespaces, the server sends those of the
 * page it renders, and the root reloads its strings when the next page needs other namespaces.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowser } from "./browser";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;

const hydrated = (page: Page) => page.waitForFunction(() => Object.keys(document.documentElement).some((key) => key.startsWith("__reactFiber$")));
const mainText = (page: Page) => page.locator("main").innerText();

/** Whether a data request of client navigation runs the root loader (without `_routes`, Remix runs every loader). */
function runsRoot(url: string) {
  const routes = new URL(url).searchParams.get("_routes");
  return routes === null || routes.split(",").includes("root");
}

describe("client-side navigation between areas", () => {
  for (const prefix of ["", "/ar"]) {
    it(`shows each page as a full load does (${prefix || "en"}), reloading strings only for other namespaces`, async () => {
      const page = await browser().newPage();
      const reference = await browser().newPage();
      const dataRequests: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.endsWith(".data")) dataRequests.push(request.url());
      });
      await page.goto(`${appUrl()}${prefix}/library`);
      await hydrated(page);
      // Dialogues (dialogues, observations), courses (a reading page: courses), search and the library (library).
      for (const area of ["/dialogues", "/courses", "/search", "/library"]) {
        const requestsBefore = dataRequests.length;
        await page.locator(`nav[aria-label="Main"] a[href="${prefix}${area}"]`).click();
        await page.waitForURL(`${appUrl()}${prefix}${area}`);
        await page.locator(`nav[aria-label="Main"] a[href="${prefix}${area}"][aria-current="page"]`).waitFor();
        await reference.goto(`${appUrl()}${prefix}${area}`);
        expect(await mainText(page), area).toBe(await mainText(reference));
        expect(dataRequests.length, area).toBeGreaterThan(requestsBefore);
      }
      // Library → dialogues: other namespaces (and a route module not loaded yet): the root loader runs again.
      expect(runsRoot(dataRequests[0]!)).toBe(true);
      // Search → library: both need "library" and both modules are loaded: the root's strings stay.
      expect(runsRoot(dataRequests.at(-1)!)).toBe(false);
      await page.close();
      await reference.close();
    });
  }
});
