import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { DEMO, uniqueEmail } from "../factories";
import { auditPage, signedIn, useBrowser, violationsOn } from "./browser";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;
const LOCALES = ["", "/fr", "/es", "/ar", "/zh", "/ru", "/pt"];

async function upcomingDialogueId() {
  const row = await getDb().selectFrom("dialogue").select("id").where("session_code", "=", "wg-2027").executeTakeFirstOrThrow();
  return row.id;
}

describe("constructive dialogues in a real browser", () => {
  it("lets a new member register without JavaScript and shows the confirmation, the code and the calendar file", async () => {
    const id = await upcomingDialogueId();
    const context = await browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${appUrl()}/sign-up`);
      await page.getByLabel("Email address").fill(uniqueEmail("dialogue"));
      await page.getByLabel("Password", { exact: true }).fill("a long enough passphrase");
      await page.getByLabel("Your name").fill("Dialogue Member");
      await page.getByLabel("Organization", { exact: true }).fill("Dialogue NGO");
      await page.getByLabel("Kind of organization").selectOption("ngo");
      await page.locator("main form button[type=submit]").click();
      await page.waitForURL(/\/account$/);

      await page.goto(`${appUrl()}/dialogues`);
      await page.getByRole("link", { name: /next working-group session/ }).click();
      await page.waitForURL(new RegExp(`/dialogues/${id}$`));
      await page.getByLabel("Online").check();
      expect(await page.getByLabel("Organization you represent").inputValue()).toBe("Dialogue NGO");
      await page.getByLabel("Statement of interest").fill("We work with survivors in the region.");
      await page.getByRole("button", { name: "Register" }).click();
      await page.getByText("Your registration (Online) is confirmed.").waitFor();
      expect(await page.locator(".check-in-code").textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const calendar = page.getByRole("link", { name: "Add the dialogue to my calendar (.ics)" });
      const response = await context.request.get(new URL((await calendar.getAttribute("href"))!, appUrl()).toString());
      expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
      expect(await response.text()).toContain("BEGIN:VEVENT");
    } finally {
      await context.close();
    }
  });

  it("passes axe on the calendar and a dialogue's page in all seven languages", async () => {
    const id = await upcomingDialogueId();
    for (const prefix of LOCALES) {
      for (const path of [`${prefix}/dialogues`, `${prefix}/dialogues/${id}`]) {
        expect(await auditPage(browser(), path), path).toEqual([]);
      }
    }
  });

  it("passes axe on the secretariat's dialogue pages, in English and Arabic", async () => {
    const id = await upcomingDialogueId();
    const secretariat = await signedIn(browser(), DEMO.secretariat);
    try {
      for (const prefix of ["", "/ar"]) {
        for (const path of [`${prefix}/admin/dialogues`, `${prefix}/admin/dialogues/new`, `${prefix}/admin/dialogues/${id}`, `${prefix}/admin/dialogues/${id}/registrations`]) {
          expect({ path, violations: await violationsOn(secretariat, path) }).toEqual({ path, violations: [] });
        }
      }
    } finally {
      await secretariat.close();
    }
  });
});
