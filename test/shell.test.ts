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
    // A fresh render (a unique address, so not from the page cache) carries a nonce.
    const response = await new TestClient().get(`/?fresh=${Date.now()}`);
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

describe("anonymous page cache", () => {
  it("reuses a public render for returning visitors, its inline scripts allowed by hash", async () => {
    const client = new TestClient();
    await client.get("/fr"); // the first visit sets the language cookie
    const path = `/fr/library?q=${Date.now()}`;
    const first = await client.get(path);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    const second = await client.get(path);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.text).toBe(first.text);
    const policy = second.headers.get("content-security-policy")!;
    expect(policy).not.toContain("'nonce-");
    expect(policy).toContain("frame-ancestors 'none'");
    const { createHash } = await import("node:crypto");
    const scripts = [...second.text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, content] of scripts) expect(policy).toContain(`'sha256-${createHash("sha256").update(content!).digest("base64")}'`);
  });

  it("serves first visits from the cache too, without giving anyone another language's page", async () => {
    const path = `/library?q=first-${Date.now()}`;
    const first = await new TestClient().get(path);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    // Another first visitor with the same language preference gets the stored page and the language cookie.
    const newcomer = new TestClient();
    const second = await newcomer.get(path);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.text).toBe(first.text);
    expect(newcomer.cookie("agora_lng")).toBeTruthy();
    expect((await newcomer.get(path)).headers.get("x-page-cache")).toBe("miss"); // now a returning visitor: its own entry
    // A French first visitor to the same English address is still sent to the French page.
    const french = new TestClient();
    french.acceptLanguage = "fr";
    const redirected = await french.get(path);
    expect(redirected.status).toBe(302);
    expect(redirected.location).toBe(`/fr${path}`);
    // A French reader who then opens the English address on purpose reads English and keeps it.
    await french.get(redirected.location!);
    const switched = await french.get(path);
    expect(switched.status).toBe(200);
    expect(switched.text).toContain('<html lang="en"');
    expect(switched.headers.get("set-cookie")).toContain("agora_lng=");
  });

  it("never caches for signed-in users or private pages, and forgets everything after a mutation", async () => {
    const { signUpMember } = await import("./factories");
    const { client: member } = await signUpMember();
    expect((await member.get("/library")).headers.get("x-page-cache")).toBeNull();
    const visitor = new TestClient();
    await visitor.get("/");
    expect((await visitor.get("/sign-in")).headers.get("x-page-cache")).toBeNull();
    expect((await visitor.get("/courses/review-mechanism/print")).headers.get("x-page-cache")).toBeNull();
    const path = `/library?q=cache-${Date.now()}`;
    await visitor.get(path);
    expect((await visitor.get(path)).headers.get("x-page-cache")).toBe("hit");
    await visitor.post("/forgot-password", { email: "nobody@example.org" });
    expect((await visitor.get(path)).headers.get("x-page-cache")).toBe("miss");
  });
});
