/** Agora says on every page that it is independent, and its about page links to official sources. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TestClient, visibleText } from "./http-client";

const LOCALES = ["en", "fr", "es", "ar", "zh", "ru", "pt"] as const;
const common = (lang: string) => JSON.parse(readFileSync(`app/locales/${lang}/common.json`, "utf8"));
const about = (lang: string) => JSON.parse(readFileSync(`app/locales/${lang}/about.json`, "utf8"));

describe("independence from UNODC", () => {
  it("the footer of every page says Agora is not UNODC's official platform, in all seven languages", async () => {
    const client = new TestClient();
    for (const lang of LOCALES) {
      const prefix = lang === "en" ? "" : `/${lang}`;
      for (const path of ["", "/courses", "/reviews", "/library"]) {
        const response = await client.get(`${prefix}${path}` || "/");
        expect(response.status, `${prefix}${path}`).toBe(200);
        expect(visibleText(response.text), `${prefix}${path}`).toContain(common(lang).footer.independent);
        expect(response.text).toContain(`href="${prefix}/about"`);
      }
    }
  });

  it("the about page links to the official sources, in all seven languages", async () => {
    const client = new TestClient();
    for (const lang of LOCALES) {
      const response = await client.get(lang === "en" ? "/about" : `/${lang}/about`);
      expect(response.status, lang).toBe(200);
      const text = visibleText(response.text);
      expect(text).toContain(about(lang).lead);
      for (const key of ["reviewMechanism", "countryProfiles", "resources", "sherloc", "se4u", "whatson"]) expect(text, `${lang} ${key}`).toContain(about(lang).links[key]);
      for (const href of ["review-mechanism-untoc/home.html", "sherloc.unodc.org", "self-paced-course-on-stakeholder-engagement", "whatson.unodc.org"]) expect(response.text).toContain(href);
    }
  });
});
