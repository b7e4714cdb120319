import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../factories";
import { auditPage, useBrowser } from "./browser";

const appUrl = () => process.env.APP_URL!;

const browser = useBrowser();

describe("a visitor in a real browser", () => {
  it("signs up, signs out, signs in, switches to Arabic and signs out again", async () => {
    const page = await browser().newPage();
    const email = uniqueEmail("e2e");
    await page.goto(`${appUrl()}/sign-up`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByLabel("Your name").fill("Browser Tester");
    await page.getByLabel("Organization", { exact: true }).fill("E2E NGO");
    await page.getByLabel("Kind of organization").selectOption("ngo");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(`${appUrl()}/`);
    await page.getByRole("link", { name: "Sign in" }).first().click();
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();

    await page.locator(".language-switcher summary").click();
    await page.getByRole("link", { name: "العربية" }).click();
    await page.waitForURL(/\/ar\/account$/);
    await page.locator('html[dir="rtl"]').waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");

    await page.locator(".site-header form button").click();
    await page.waitForURL(`${appUrl()}/ar`);
    expect(await page.locator(".site-header").getByRole("link", { name: /./ }).count()).toBeGreaterThan(2);
    await page.close();
  });
});

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  for (const path of ["/", "/sign-in", "/sign-up", "/ar", "/ar/sign-up", "/status", "/ar/status", "/fr/verify-email?token=0123456789abcdef"]) {
    it(`has no violations on ${path}`, async () => {
      expect(await auditPage(browser(), path)).toEqual([]);
    });
  }
});
