import { describe, expect, it } from "vitest";
import { useBrowser } from "./browser";

const browser = useBrowser();

// WCAG 1.4.10 Reflow: at 320 CSS pixels wide nothing may need horizontal scrolling (data tables
// excepted, which scroll inside their own container). Long Russian words and labels are the usual culprits.
const PAGES = ["/ru/countries/KEN", "/ar/countries/EGY", "/ru/reviews", "/ar/reviews/list", "/fr/library?q=guide", "/ru/courses/cluster-one", "/ru/courses/stakeholder-engagement", "/ru/courses/cluster-one/01-scope-and-key-terms", "/ar/courses/review-mechanism/01-what-is-the-review-mechanism", "/ru/sign-up"];

describe("reflow at 320 CSS pixels (WCAG 1.4.10)", () => {
  it(`needs no horizontal scrolling on ${PAGES.length} pages in Russian, Arabic and French`, async () => {
    const context = await browser().newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      const overflowing: string[] = [];
      for (const path of PAGES) {
        await page.goto(`${process.env.APP_URL}${path}`);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (widths.scroll > widths.client) overflowing.push(`${path}: ${widths.scroll}px wide`);
      }
      expect(overflowing).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
