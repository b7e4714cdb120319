import { describe, expect, it } from "vitest";
import { DEMO } from "../factories";
import { signedIn, useBrowser, violationsOn } from "./browser";

const browser = useBrowser();

describe("accessibility of the secretariat's and members' own pages (axe-core, WCAG 2.2 AA)", () => {
  const staffPages = [
    "/admin",
    "/admin/library",
    "/admin/library/new",
    "/admin/library/legislative-guide-untoc-2017",
    "/admin/learning",
    "/admin/mail",
    "/admin/reviews/import",
    "/admin/reviews/focal-points",
    "/ar/admin/library",
    "/ar/admin/reviews/focal-points",
  ];
  it(`has no violations on ${staffPages.length} secretariat pages, in English and Arabic`, async () => {
    const context = await signedIn(browser(), DEMO.secretariat);
    try {
      for (const path of staffPages) expect({ path, violations: await violationsOn(context, path) }).toEqual({ path, violations: [] });
    } finally {
      await context.close();
    }
    // Ten pages through axe: 4–14 s each on a loaded 2-core machine (74 s measured), past the default 60 s.
  }, 150_000);

  const memberPages = ["/account", "/account/learning", "/fr/account/learning", "/ar/account"];
  it(`has no violations on ${memberPages.length} account pages of a member with a certificate`, async () => {
    const context = await signedIn(browser(), { email: "membre@agora.test", password: "agora-membre-2026" });
    try {
      for (const path of memberPages) expect({ path, violations: await violationsOn(context, path) }).toEqual({ path, violations: [] });
    } finally {
      await context.close();
    }
  });
});
