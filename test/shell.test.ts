import { describe, expect, it } from "vitest";
import { TestClient, visibleText } from "./http-client";
import { getDb } from "./db";
import { uniqueEmail } from "./factories";

describe("locale routing", () => {
  it("serves each locale under its prefix, English without one, Arabic right to left", async () => {
    const client = new TestClient();
    expect((await client.get("/")).text).toMatch(/<html lang="en" dir="ltr">/);
    expect((await client.get("/fr")).text).toMatch(/<html lang="fr" dir="ltr">/);
    const arabic = await client.get("/ar/sign-in");
    expect(arabic.status).toBe(200);
    expect(arabic.text).toMatch(/<html lang="ar" dir="rtl">/);
    expect((await client.get("/zh")).text).toMatch(/<html lang="zh" dir="ltr">/);
  });

  it("negotiates the first visit from Accept-Language, then remembers the choice", async () => {
    const client = new TestClient();
    client.acceptLanguage = "ru-RU,ru;q=0.9,en;q=0.5";
    const first = await client.get("/sign-up?next=1");
    expect(first.status).toBe(302);
    expect(first.location).toBe("/ru/sign-up?next=1");
    await client.get("/ru/sign-up");
    // Choosing English from the switcher afterwards sticks.
    await client.get("/sign-up");
    expect(client.cookie("agora_lng")).toBeDefined();
    const english = await client.get("/sign-up");
    expect(english.status).toBe(200);
    expect(english.text).toMatch(/<html lang="en"/);
  });

  it("sends /en/… to the unprefixed address and 404s unknown locales in the visitor's language", async () => {
    const client = new TestClient();
    expect((await client.get("/en/sign-in")).location).toBe("/sign-in");
    expect((await client.get("/xx/sign-in")).status).toBe(404);
    const missing = await client.get("/fr/no-such-page");
    expect(missing.status).toBe(404);
    expect(missing.text).toMatch(/<html lang="fr"/);
    expect(visibleText(missing.text)).toContain("404");
  });

  it("keeps the current page in the language switcher", async () => {
    const page = await new TestClient().get("/es/forgot-password");
    expect(page.text).toContain('href="/ar/forgot-password"');
    expect(page.text).toContain('href="/forgot-password"');
  });
});

describe("security", () => {
  it("sends a CSP and the other security headers", async () => {
    // A fresh render (a unique address, so not from the page cache) of a hydrated page (reading
    // pages carry no scripts, decision 0033) carries a nonce.
    const response = await new TestClient().get(`/sign-in?fresh=${Date.now()}`);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Every inline script carries the nonce.
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    const scripts = [...response.text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("refuses a mutation without our Origin, and writes nothing", async () => {
    const email = uniqueEmail("csrf");
    const fields = { email, password: "correct horse battery", displayName: "X", organizationName: "Y", organizationKind: "ngo" };
    const client = new TestClient();
    const foreign = await client.post("/sign-up", fields, { headers: { Origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const body = new URLSearchParams(fields);
    const missing = await fetch(`${process.env.APP_URL}/sign-up`, { method: "POST", body, redirect: "manual" });
    expect(missing.status).toBe(403);
    expect(await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
  });
});

describe("health", () => {
  it("reports the database and the search engine", async () => {
    const response = await new TestClient().get("/healthz");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(JSON.parse(response.text)).toEqual({ status: "ok", database: "up", search: "meilisearch" });
  });

  it("gives people a status page in their language, linked from every page's footer", async () => {
    const client = new TestClient();
    const home = await client.get("/fr");
    const footer = /<footer[\s\S]*?<\/footer>/.exec(home.text)?.[0] ?? "";
    expect(footer).toContain('href="/fr/status"');
    expect(footer).not.toContain("/healthz");
    const status = await client.get("/fr/status");
    expect(status.status).toBe(200);
    expect(status.text).toMatch(/<html lang="fr"/);
    expect(status.headers.get("cache-control")).toContain("no-store");
    const text = visibleText(status.text);
    expect(text).toContain("État du service");
    expect(text).toContain("Agora fonctionne normalement.");
    expect(status.text).toContain('href="/fr"');
    expect((await client.get("/ar/status")).text).toMatch(/<html lang="ar" dir="rtl">/);
  });
});

describe("home page", () => {
  it("explains the platform in the visitor's language", async () => {
    const page = await new TestClient().get("/");
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain("What you can do here");
    expect(page.text).toContain('href="#main"');
    expect(page.text).toMatch(/<main id="main"/);
  });
});
