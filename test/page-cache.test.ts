import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "./app-server";
import { DEMO, signInAs } from "./factories";
import { TestClient } from "./http-client";

// The cache is per process and any POST empties it: these tests get an app process of their own,
// so that other test files' form posts, running in parallel, cannot empty it between two requests.
let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer({ JOBS: "off", PAGE_CACHE_SECONDS: "60" });
});
afterAll(async () => {
  await app.stop();
});

describe("anonymous page cache", () => {
  it("reuses a public render for returning visitors, its inline scripts allowed by hash", async () => {
    const client = new TestClient(app.url);
    await client.get("/fr"); // the first visit sets the language cookie
    // A page that loads the app's scripts, so its inline ones must be allowed by hash.
    const path = `/fr/dialogues?visit=${Date.now()}`;
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
    const first = await new TestClient(app.url).get(path);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    // Another first visitor with the same language preference gets the stored page and the language cookie.
    const newcomer = new TestClient(app.url);
    const second = await newcomer.get(path);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.text).toBe(first.text);
    expect(newcomer.cookie("agora_lng")).toBeTruthy();
    expect((await newcomer.get(path)).headers.get("x-page-cache")).toBe("miss"); // now a returning visitor: its own entry
    // A French first visitor to the same English address is still sent to the French page.
    const french = new TestClient(app.url);
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
    const member = await signInAs(DEMO.member.email, DEMO.member.password, new TestClient(app.url));
    expect((await member.get("/library")).headers.get("x-page-cache")).toBeNull();
    const visitor = new TestClient(app.url);
    await visitor.get("/");
    expect((await visitor.get("/sign-in")).headers.get("x-page-cache")).toBeNull();
    expect((await visitor.get("/courses/review-mechanism/print")).headers.get("x-page-cache")).toBeNull();
    expect((await visitor.get("/hub/unsubscribe?token=not-a-token")).headers.get("x-page-cache")).toBeNull();
    const path = `/library?q=cache-${Date.now()}`;
    await visitor.get(path);
    expect((await visitor.get(path)).headers.get("x-page-cache")).toBe("hit");
    await visitor.post("/forgot-password", { email: "nobody@example.org" });
    expect((await visitor.get(path)).headers.get("x-page-cache")).toBe("miss");
  });

  it("serves the public dialogue and hub pages from the cache to visitors, and renders them afresh for members", async () => {
    const visitor = new TestClient(app.url);
    await visitor.get("/");
    for (const path of ["/dialogues", "/hub", "/hub/members", "/about"]) {
      await visitor.get(path);
      expect((await visitor.get(path)).headers.get("x-page-cache"), path).toBe("hit");
    }
    const member = await signInAs(DEMO.member.email, DEMO.member.password, new TestClient(app.url));
    const feed = await member.get("/hub");
    expect(feed.headers.get("x-page-cache")).toBeNull();
    // The member's own view: the feed offers a new post, which a visitor's cached copy does not.
    expect(feed.text).toContain('href="/hub/new"');
    expect((await visitor.get("/hub")).text).not.toContain('href="/hub/new"');
  });

  it("renders a page once however many visitors ask for it at the same moment", async () => {
    const visitor = new TestClient(app.url);
    await visitor.get("/");
    const path = `/library?q=together-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 16 }, () => fetch(`${app.url}${path}`, { headers: { cookie: `agora_lng=${visitor.cookie("agora_lng")}` } })));
    const outcomes = responses.map((response) => response.headers.get("x-page-cache"));
    expect(outcomes.filter((outcome) => outcome === "miss")).toHaveLength(1);
    expect(outcomes.every((outcome) => outcome === "miss" || outcome === "shared" || outcome === "hit")).toBe(true);
    expect(new Set(await Promise.all(responses.map((response) => response.text()))).size).toBe(1);
  });
});
