/**
 * Client-side navigation from a hydrated page into other areas shows the new page's strings, not
 * their keys (decision 0035): the routes declare their namespaces, and the server sends those of
 * the page in the root loader's data, which client navigation reloads.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowser } from "./browser";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;

const hydrated = (page: Page) => page.waitForFunction(() => Object.keys(document.documentElement).some((key) => key.startsWith("__reactFiber$")));
const mainText = (page: Page) => page.locator("main").innerText();

describe("client-side navigation between areas", () => {
  for (const prefix of ["", "/ar"]) {
    it(`shows each page as a full load does (${prefix || "en"})`, async () => {
      const page = await browser().newPage();
      const reference = await browser().newPage();
      const dataRequests: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.endsWith(".data")) dataRequests.push(request.url());
      });
      // From a hydrated page (dialogues, observations) into reading pages, which keep the app's
      // scripts after client navigation: library (library), courses (courses), reviews (reviews,
      // library, dialogues), and back.
      await page.goto(`${appUrl()}${prefix}/dialogues`);
      await hydrated(page);
      for (const area of ["/library", "/courses", "/reviews", "/dialogues"]) {
        const requestsBefore = dataRequests.length;
        await page.locator(`.main-nav a[href="${prefix}${area}"]`).click();
        await page.waitForURL(`${appUrl()}${prefix}${area}`);
        await page.locator(`.main-nav a[href="${prefix}${area}"][aria-current="page"]`).waitFor();
        await reference.goto(`${appUrl()}${prefix}${area}`);
        expect(await mainText(page), area).toBe(await mainText(reference));
        expect(dataRequests.length, area).toBeGreaterThan(requestsBefore);
      }
      await page.close();
      await reference.close();
    });
  }
});
