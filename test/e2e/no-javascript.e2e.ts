import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../factories";
import { useBrowser } from "./browser";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;

// Every form is a plain form and every filter a plain link: with JavaScript off in a real browser,
// a newcomer still searches, filters, switches language, signs up, learns, follows and signs out.
describe("with JavaScript turned off, in a real browser", () => {
  it("searches, filters, switches language, signs up, completes a lesson, follows a country and signs out", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${appUrl()}/library`);
      await page.getByLabel("Search").fill("legslative gide");
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(/q=legslative\+gide/);
      expect(await page.locator(".result h3 a").first().textContent()).toMatch(/Legislative Guide/);
      await page.getByRole("link", { name: /^Cluster I: / }).click();
      await page.getByRole("link", { name: /^Remove filter: Cluster I\b/ }).waitFor();

      await page.locator(".language-switcher summary").click();
      await page.locator(".language-switcher").getByRole("link", { name: "Français" }).click();
      await page.waitForURL(/\/fr\/library\?q=legslative\+gide&cluster=I$/);
      expect(await page.locator("html").getAttribute("lang")).toBe("fr");

      await page.goto(`${appUrl()}/fr/sign-up`);
      await page.getByLabel("Adresse électronique").fill(uniqueEmail("nojs"));
      await page.getByLabel("Mot de passe", { exact: true }).fill("a long enough passphrase");
      await page.getByLabel("Votre nom").fill("Sans JavaScript");
      await page.getByLabel("Organisation", { exact: true }).fill("ONG E2E");
      await page.getByLabel("Type d'organisation").selectOption("ngo");
      await page.locator("main form button[type=submit]").click();
      await page.waitForURL(/\/fr\/account$/);

      await page.goto(`${appUrl()}/fr/courses/cluster-one`);
      await page.getByRole("button", { name: "S'inscrire à ce cours" }).click();
      await page.getByText("Vous êtes inscrit·e à ce cours.").waitFor();
      await page.goto(`${appUrl()}/fr/courses/cluster-one/02-participation-and-obstruction-of-justice`);
      await page.getByRole("button", { name: "Marquer cette leçon comme terminée" }).click();
      await page.getByText("Vous avez terminé cette leçon.").waitFor();

      await page.goto(`${appUrl()}/fr/countries/KEN`);
      await page.getByRole("button", { name: "Suivre ce pays" }).click();
      await page.getByRole("button", { name: "Ne plus suivre ce pays" }).waitFor();

      await page.locator(".site-header form button").click();
      await page.waitForURL(`${appUrl()}/fr`);
      expect(await page.locator(".site-header").getByRole("link", { name: "Se connecter" }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
