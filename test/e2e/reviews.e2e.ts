import { describe, expect, it } from "vitest";
import { axeViolations, useBrowser } from "./browser";

const appUrl = () => process.env.APP_URL!;

const browser = useBrowser();

describe("review status in a real browser", () => {
  it("filters the dashboard with the GET form, opens the list and a country, with no WCAG violations", async () => {
    // axe-core is injected as an inline script, which our CSP rightly refuses.
    const context = await browser().newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${appUrl()}/reviews`);
    await page.getByRole("heading", { level: 1, name: "Status of the country reviews" }).waitFor();
    expect(await page.getByRole("img", { name: /by group/ }).count()).toBeGreaterThanOrEqual(4);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Group", { exact: true }).selectOption("2");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/group=2/);
    // Group 2 has 63 of the 189 reviews.
    await page.locator(".figures li").first().filter({ hasText: "63 country reviews" }).waitFor();

    await page.getByRole("link", { name: /All the reviews in a table/ }).click();
    await page.waitForURL(/\/reviews\/list\?group=2/);
    await page.getByRole("heading", { level: 1, name: "Country reviews" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: /^Stage/ }).click();
    await page.waitForURL(/sort=stage/);

    await page.goto(`${appUrl()}/ar/countries/KEN`);
    await page.locator('html[dir="rtl"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
