import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { signUpMember, uniqueEmail } from "../factories";
import { axeViolations, useBrowser } from "./browser";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;

/** The number of results a search page says it found. */
async function resultsTotal(page: Page) {
  const heading = await page.locator("#results-heading").textContent();
  return Number(/\d+/.exec(heading ?? "")?.[0] ?? "NaN");
}

/** The link in the e-mail last sent to `email` of `kind`, as a path. */
async function mailedLink(email: string, kind: string) {
  const mail = await getDb().selectFrom("mail_outbox").select("text_body").where("to_address", "=", email).where("kind", "=", kind).orderBy("id", "desc").executeTakeFirstOrThrow();
  const url = new URL(/https?:\/\/\S+/.exec(mail.text_body)![0]);
  return `${url.pathname}${url.search}`;
}

// What a new member meets (issue 14), in French, in a real browser with JavaScript on and off.
describe.each([
  { javaScript: true, name: "with JavaScript" },
  { javaScript: false, name: "without JavaScript" },
])("a new member's first day, $name", ({ javaScript }) => {
  it("searches, follows and unfollows a country, saves the profile, changes and resets the password — and is told each time", async () => {
    const context = await browser().newContext({ javaScriptEnabled: javaScript });
    try {
      const page = await context.newPage();
      const email = uniqueEmail(javaScript ? "day-js" : "day-nojs");

      // The language facet keeps its promise, and an empty result keeps its filters.
      await page.goto(`${appUrl()}/fr/search?q=traite`);
      const english = page.locator('[data-facet="language"] a', { hasText: "English" });
      const promised = Number(/\((\d+)\)/.exec((await english.textContent()) ?? "")?.[1]);
      expect(promised).toBeGreaterThan(0);
      await english.click();
      await page.getByRole("link", { name: /^Supprimer le filtre : English/ }).waitFor();
      expect(await resultsTotal(page)).toBe(promised);
      await page.goto(`${appUrl()}/fr/library?q=trafiking&language=fr`);
      expect(await resultsTotal(page)).toBe(0);
      await page.locator('[data-facet="language"] a[aria-current="true"]', { hasText: "Français" }).waitFor();
      await page.locator('[data-facet="language"] a', { hasText: "English" }).click();
      await page.getByRole("link", { name: /^Supprimer le filtre : English/ }).waitFor();
      expect(await resultsTotal(page)).toBeGreaterThan(0);

      // Sign up, confirm the address: the page is titled as what it does.
      await page.goto(`${appUrl()}/fr/sign-up`);
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByLabel("Mot de passe", { exact: true }).fill("a long enough passphrase");
      await page.getByLabel("Votre nom").fill("Nouvelle Membre");
      await page.getByLabel("Organisation", { exact: true }).fill("ONG E2E");
      await page.getByLabel("Type d'organisation").selectOption("ngo");
      await page.getByRole("button", { name: "Créer le compte" }).click();
      await page.waitForURL(/\/fr\/account$/);
      await page.goto(`${appUrl()}${await mailedLink(email, "verify_email")}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Confirmation de l'adresse électronique");

      // A multiple-answer question says so once.
      await page.goto(`${appUrl()}/fr/courses/review-mechanism/01-what-is-the-review-mechanism`);
      const legends = await page.locator(".quiz legend").allTextContents();
      expect(legends.filter((legend) => legend.includes("plusieurs réponses possibles")).map((legend) => legend.split("plusieurs réponses possibles").length - 1)).toEqual([1]);

      // Follow Kenya; the account page lists it and undoes it.
      await page.goto(`${appUrl()}/fr/countries/KEN`);
      await page.getByRole("button", { name: "Suivre ce pays" }).click();
      await page.getByRole("button", { name: "Ne plus suivre ce pays" }).waitFor();
      await page.goto(`${appUrl()}/fr/account`);
      const following = page.locator('section[aria-labelledby="following"]');
      await following.getByRole("link", { name: "Kenya" }).waitFor();
      await following.getByRole("button", { name: "Ne plus suivre Kenya" }).click();
      await page.getByText("Vous ne suivez plus Kenya.").waitFor();
      expect(await following.getByRole("link", { name: "Kenya" }).count()).toBe(0);

      // Save the profile: said on the page.
      await page.getByLabel("Votre nom").fill("Nouvelle Membre Bis");
      await page.getByRole("button", { name: "Enregistrer le profil" }).click();
      await page.getByRole("status").filter({ hasText: "Votre profil a été enregistré." }).waitFor();

      // Change the password through its labelled fields: signed out, and told why.
      await page.getByLabel("Mot de passe actuel").fill("a long enough passphrase");
      await page.getByLabel("Nouveau mot de passe").fill("a second passphrase");
      await page.getByLabel("Répétez le mot de passe").fill("a second passphrase");
      await page.getByRole("button", { name: "Modifier le mot de passe" }).click();
      await page.waitForURL(/\/fr\/sign-in\?changed=1$/);
      await page.getByRole("status").filter({ hasText: "Votre mot de passe a été modifié et toutes les sessions de votre compte ont été fermées" }).waitFor();

      // Forget it, reset it: told on the sign-in page, and the new one works.
      await page.getByRole("link", { name: /^Mot de passe oublié/ }).click();
      // The sign-in page has an address field too: wait for the next page before typing.
      await page.getByRole("heading", { level: 1, name: "Réinitialiser votre mot de passe" }).waitFor();
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByRole("button", { name: "Envoyer le lien" }).click();
      await page.getByText("un lien de réinitialisation vous a été envoyé").waitFor();
      await page.goto(`${appUrl()}${await mailedLink(email, "reset_password")}`);
      await page.getByLabel("Nouveau mot de passe").fill("a third passphrase!");
      await page.getByLabel("Répétez le mot de passe").fill("a third passphrase!");
      await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
      await page.waitForURL(/\/fr\/sign-in\?reset=1$/);
      await page.getByRole("status").filter({ hasText: "Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe." }).waitFor();
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByLabel("Mot de passe", { exact: true }).fill("a third passphrase!");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL(/\/fr\/account$/);

      // The footer's status link leads to a page for people, in their language.
      await page.locator("footer").getByRole("link", { name: "État du service" }).click();
      await page.waitForURL(/\/fr\/status$/);
      await page.getByRole("heading", { level: 1, name: "État du service" }).waitFor();
      await page.getByText("Agora fonctionne normalement.").waitFor();
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("on a 360-pixel phone", () => {
  for (const path of ["/search?q=trafiking", "/fr/library?q=guide", "/ar/search?q=%D8%A7%D9%84%D8%AF%D9%84%D9%8A%D9%84"]) {
    it(`shows the first results on the first screen, the filters after them, on ${path}`, async () => {
      const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
      try {
        const page = await context.newPage();
        await page.goto(`${appUrl()}${path}`);
        const first = await page.locator(".result").first().boundingBox();
        expect(first!.y).toBeLessThan(640);
        const filters = await page.locator(".search-facets").boundingBox();
        expect(filters!.y).toBeGreaterThan(first!.y);
        // A way down to the filters, near the top.
        const toFilters = page.locator(".search-results__to-filters a");
        expect((await toFilters.boundingBox())!.y).toBeLessThan(640);
        await toFilters.click();
        await page.waitForURL(/#filters-heading$/);
      } finally {
        await context.close();
      }
    });
  }

  it("keeps the filters beside the results on a wide screen", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${appUrl()}/search?q=trafiking`);
      const results = (await page.locator(".search-results").boundingBox())!;
      const filters = (await page.locator(".search-facets").boundingBox())!;
      expect(Math.abs(filters.y - results.y)).toBeLessThan(5);
      expect(await page.locator(".search-results__to-filters").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe("accessibility of what issue 14 added (axe-core, WCAG 2.2 AA)", () => {
  it("has no violations on the account page with followed countries, a search that found nothing, and a phone-sized search", async () => {
    const { client } = await signUpMember();
    await client.post("/countries/KEN", { intent: "follow" });
    await client.post("/countries/PAK", { intent: "follow" });
    const pages: Array<[string, { width: number; height: number }]> = [
      ["/account?unfollowed=EGY#following", { width: 1280, height: 800 }],
      ["/ar/account", { width: 1280, height: 800 }],
      ["/fr/library?q=trafiking&language=fr&cluster=II", { width: 1280, height: 800 }],
      ["/ar/search?q=%D8%A7%D9%84%D8%AF%D9%84%D9%8A%D9%84", { width: 360, height: 640 }],
    ];
    for (const [path, viewport] of pages) {
      const context = await browser().newContext({ bypassCSP: true, viewport });
      try {
        await context.addCookies([{ name: "agora_session", value: client.cookie("agora_session")!, url: appUrl() }]);
        const page = await context.newPage();
        await page.goto(`${appUrl()}${path}`);
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      } finally {
        await context.close();
      }
    }
  });
});
