import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO, signInAs, signUpMember } from "../factories";
import type { TestClient } from "../http-client";
import { useBrowser } from "./browser";

const browser = useBrowser();
const appUrl = () => process.env.APP_URL!;

// axe's label rule is satisfied by a <label for> whose id also belongs to an earlier element (a
// heading): the field then has no name, and clicking its label focuses nothing. So ask what a
// user's tools ask: does Playwright's getByLabel, given the field's label, find this very field?
const CONTROLS = "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea";
const LOCALES = ["", "/fr", "/ar"];

/** Every form control of the page that getByLabel does not resolve from its own label, and every id used twice. */
async function labelProblems(page: Page, path: string) {
  const response = await page.goto(`${appUrl()}${path}`);
  expect(response?.status(), path).toBe(200);
  // Check the page as the reader uses it: hydrated (React has claimed the document), so that a
  // hydration error is reported against this page. Reading pages ship no JavaScript (decision 0033).
  if (await page.locator('script[type="module"]').count()) {
    await page.waitForFunction(() => Object.keys(document.documentElement).some((key) => key.startsWith("__reactFiber$")));
  }
  const { controls, duplicateIds } = await page.evaluate((selector) => {
    const text = (element: Element | null) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
    const controls = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector)].map((element, index) => {
      element.setAttribute("data-label-check", String(index));
      const labelledBy = element.getAttribute("aria-labelledby");
      const name = labelledBy
        ? labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).join(" ")
        : (element.getAttribute("aria-label") ?? [...(element.labels ?? [])].map(text).join(" "));
      return { index: String(index), name: name.trim(), html: element.outerHTML.slice(0, 140) };
    });
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return { controls, duplicateIds: [...seen].filter(([, count]) => count > 1).map(([id]) => id) };
  }, CONTROLS);
  const problems = duplicateIds.map((id) => `${path}: id "${id}" used more than once`);
  const findings = await Promise.all(
    controls.map(async (control) => {
      if (!control.name) return `${path}: no accessible name for ${control.html}`;
      const found = await page.getByLabel(control.name, { exact: true }).evaluateAll((elements) => elements.map((element) => element.getAttribute("data-label-check")));
      return found.includes(control.index) ? null : `${path}: getByLabel(${JSON.stringify(control.name)}) does not find ${control.html}`;
    }),
  );
  problems.push(...findings.filter((finding): finding is string => finding !== null));
  return { problems, count: controls.length };
}

/** A browser context carrying the session of a client signed in over HTTP. */
async function contextFor(browser: Browser, client: TestClient | null): Promise<BrowserContext> {
  const context = await browser.newContext();
  const session = client?.cookie("agora_session");
  if (session) await context.addCookies([{ name: "agora_session", value: session, url: appUrl() }]);
  return context;
}

async function checkPages(client: TestClient | null, paths: string[]) {
  const context = await contextFor(browser(), client);
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    // A page that throws while hydrating re-renders from scratch (or shows an error): a finding too.
    let current = "";
    page.on("pageerror", (error) => problems.push(`${current}: ${String(error).slice(0, 200)}`));
    let controls = 0;
    for (const prefix of LOCALES) {
      for (const path of paths) {
        current = `${prefix}${path}`;
        const result = await labelProblems(page, current);
        problems.push(...result.problems);
        controls += result.count;
      }
    }
    return { problems, controls };
  } finally {
    await context.close();
  }
}

describe("every form control has a name that getByLabel finds, in English, French and Arabic", () => {
  it("on public pages", async () => {
    const paths = [
      "/",
      "/courses",
      "/courses/review-mechanism",
      "/courses/review-mechanism/01-what-is-the-review-mechanism",
      "/library?q=guide",
      "/library/legislative-guide-untoc-2017",
      "/search?q=trafiking&cluster=II",
      "/articles/untoc/5",
      "/reviews",
      "/reviews/list",
      "/countries",
      "/countries/KEN",
      "/sign-in",
      "/sign-up",
      "/forgot-password",
      "/reset-password?token=0123456789abcdef",
      "/verify-email?token=0123456789abcdef",
      "/status",
    ];
    const { problems, controls } = await checkPages(null, paths);
    expect(problems).toEqual([]);
    expect(controls).toBeGreaterThan(50);
  }, 180_000);

  it("on a member's pages", async () => {
    const { client } = await signUpMember();
    await client.post("/courses/review-mechanism", { intent: "enroll" });
    await client.post("/countries/KEN", { intent: "follow" });
    const { problems, controls } = await checkPages(client, ["/account", "/account/learning", "/courses/review-mechanism/02-groups-and-pairing", "/countries/KEN"]);
    expect(problems).toEqual([]);
    expect(controls).toBeGreaterThan(30);
  }, 120_000);

  it("on the secretariat's pages", async () => {
    const client = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const paths = ["/admin", "/admin/library", "/admin/library/new", "/admin/library/legislative-guide-untoc-2017", "/admin/learning", "/admin/mail", "/admin/reviews/import", "/admin/reviews/focal-points"];
    const { problems, controls } = await checkPages(client, paths);
    expect(problems).toEqual([]);
    expect(controls).toBeGreaterThan(30);
  }, 180_000);
});
