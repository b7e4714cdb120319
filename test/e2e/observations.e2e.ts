import type { Browser, BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { DEMO } from "../factories";
import { auditPage, axeViolations, useBrowser } from "./browser";
import dialoguesEn from "~/locales/en/dialogues.json";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;
const PHONE = { width: 360, height: 740 };
const LOCALES = ["", "/fr", "/es", "/ar", "/zh", "/ru", "/pt"];

async function dialogueId(sessionCode: string) {
  const row = await getDb().selectFrom("dialogue").select("id").where("session_code", "=", sessionCode).executeTakeFirstOrThrow();
  return row.id;
}

/** The demo facilitator, signed in through the form, on a phone-sized screen. */
async function facilitatorOnPhone(browser: Browser, options: { javaScriptEnabled: boolean }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, javaScriptEnabled: options.javaScriptEnabled, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${appUrl()}/sign-in?redirectTo=%2Ffacilitator`);
  await page.getByLabel("Email address").fill(DEMO.facilitator.email);
  await page.getByLabel("Password").fill(DEMO.facilitator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/facilitator$/);
  await page.close();
  return context;
}

describe("the facilitator's observation editor, on a phone, in a real browser", () => {
  it("records an observation without JavaScript, keeps an over-long text after a refused post, and publishes it", async () => {
    const id = await dialogueId("wg-2027");
    const context = await facilitatorOnPhone(browser(), { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${appUrl()}/facilitator`);
      await page.getByRole("link", { name: /^Record observations\W+Constructive dialogue after the next/ }).click();
      await page.waitForURL(new RegExp(`/dialogues/${id}/observations$`));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

      // A text over the limit is refused, and everything typed and ticked is still there.
      const typed = `Participants asked that the dialogue be interpreted into French and Spanish. ${"They stressed it again. ".repeat(220)}`.trim();
      await page.getByLabel("Text of the observation").fill(typed);
      await page.getByLabel(dialoguesEn.topics["saq-good-practice"]).check();
      await page.getByLabel(/Cluster II: /).check();
      await page.locator("#articles").fill("untoc:25");
      await page.getByLabel("Non-governmental organization").check();
      await page.getByRole("button", { name: "Save as draft" }).click();
      await page.getByText(`This observation is ${typed.length} characters long and the limit is 5000.`).waitFor();
      expect(await page.getByLabel("Text of the observation").inputValue()).toBe(typed);
      expect(await page.getByLabel(dialoguesEn.topics["saq-good-practice"]).isChecked()).toBe(true);
      expect(await page.getByLabel("Non-governmental organization").isChecked()).toBe(true);
      expect(await page.locator("#articles").inputValue()).toBe("untoc:25");

      const text = "Participants asked that the dialogue be interpreted into French and Spanish, recorded on a phone.";
      await page.getByLabel("Text of the observation").fill(text);
      await page.getByRole("button", { name: "Save as draft" }).click();
      await page.getByText("The observation is saved as a draft.").waitFor();
      const card = page.locator(".observation-card", { hasText: text });
      expect(await card.locator(".badge").textContent()).toBe("Draft");
      await card.getByRole("button", { name: /^Publish/ }).click();
      await page.getByText("The observation is published.").waitFor();
      expect(await page.locator(".observation-card", { hasText: text }).locator(".badge").textContent()).toBe("Published");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
    const saved = await getDb().selectFrom("dialogue_observation").selectAll().where("dialogue_id", "=", id).where("body", "like", "%recorded on a phone.").executeTakeFirstOrThrow();
    expect(saved.status).toBe("published");
    expect(saved.clusters).toEqual(["II"]);
    expect(saved.articles).toEqual(["untoc:25"]);
    expect(saved.stakeholder_kinds).toEqual(["ngo"]);
  });

  it("passes axe on the editor in all seven languages, on a phone", async () => {
    const id = await dialogueId("wg-2027");
    const context = await facilitatorOnPhone(browser(), { javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      for (const prefix of LOCALES) {
        const path = `${prefix}/dialogues/${id}/observations`;
        const response = await page.goto(`${appUrl()}${path}`);
        expect(response?.status(), path).toBe(200);
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
      const observation = await getDb().selectFrom("dialogue_observation").select("id").where("dialogue_id", "=", id).orderBy("id").executeTakeFirstOrThrow();
      for (const path of ["/facilitator", "/ar/facilitator", `/dialogues/${id}/observations/${observation.id}`, `/ar/dialogues/${id}/observations/${observation.id}`, `/dialogues/${id}/summary`]) {
        const response = await page.goto(`${appUrl()}${path}`);
        expect(response?.status(), path).toBe(200);
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
    } finally {
      await context.close();
    }
  });

  it("passes axe on the published summary and the compilation of observations, in English and Arabic", async () => {
    const held = await dialogueId("wg-2023");
    for (const path of [`/dialogues/${held}/summary`, `/ar/dialogues/${held}/summary`, "/observations", "/ar/observations?cluster=II", "/articles/untoc/25"]) {
      expect({ path, violations: await auditPage(browser(), path) }).toEqual({ path, violations: [] });
    }
  });
});
