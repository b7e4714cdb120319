/**
 * The security headers hold on every kind of response: pages (fresh and from the page cache),
 * JSON, CSV, PDF, static and uploaded files, redirects, and the error answers of the server and
 * of the app.
 */
import { describe, expect, it } from "vitest";
import { upsertStaffUser } from "../app/modules/auth/accounts.server";
import { DEMO, signInAs, uniqueEmail } from "./factories";
import { TestClient, type TestResponse } from "./http-client";

function expectSecurityHeaders(response: TestResponse, label: string) {
  const header = (name: string) => response.headers.get(name);
  expect(header("content-security-policy"), label).toMatch(/default-src 'self'/);
  expect(header("content-security-policy"), label).toMatch(/frame-ancestors 'none'/);
  expect(header("x-content-type-options"), label).toBe("nosniff");
  expect(header("x-frame-options"), label).toBe("DENY");
  expect(header("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  expect(header("permissions-policy"), label).toMatch(/camera=\(\)/);
  expect(header("x-powered-by"), label).toBeNull();
}

describe("security headers on every response type", () => {
  it("are sent with pages, data, files, redirects and errors", async () => {
    const visitor = new TestClient();
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const cases: Array<[string, Promise<TestResponse>, string | null]> = [
      ["page", visitor.get("/courses"), "text/html"],
      ["page from the page cache", visitor.get("/courses"), "text/html"],
      ["JSON", visitor.get("/search.json?q=review"), "application/json"],
      ["health JSON", visitor.get("/healthz"), "application/json"],
      ["CSV", visitor.get("/reviews/list.csv"), "text/csv"],
      ["CSV for the secretariat", secretariat.get("/admin/learning.csv"), "text/csv"],
      ["PDF", secretariat.get("/courses/review-mechanism/pdf"), "application/pdf"],
      ["static file", visitor.get("/favicon.svg"), "image/svg+xml"],
      ["redirect", visitor.get("/account"), null],
      ["404 page", visitor.get("/no-such-page"), "text/html"],
      ["404 file", visitor.get("/library/no-such/file/en"), null],
      ["403 page", (await signInAs(DEMO.member.email, DEMO.member.password)).get("/admin"), "text/html"],
      ["403 foreign origin", visitor.post("/sign-in", { email: "a@example.org" }, { headers: { Origin: "http://evil.example" } }), "text/plain"],
      ["413 body too large", visitor.post("/sign-in", { email: "a@example.org", password: "x".repeat(300_000) }), "text/plain"],
      ["400 form error", visitor.post("/sign-in", { email: "not an email" }), "text/html"],
      ["400 ?_data", visitor.get("/courses?_data=routes/x"), "text/plain"],
    ];
    for (const [label, pending, type] of cases) {
      const response = await pending;
      expect(response.status, label).toBeGreaterThan(0);
      if (type) expect(response.headers.get("content-type"), label).toContain(type);
      expectSecurityHeaders(response, label);
    }
  });

  it("are sent with an uploaded library file", async () => {
    const email = uniqueEmail("headers-staff");
    await upsertStaffUser({ email, password: "headers-secretariat-2026", displayName: "Staff", role: "secretariat" });
    const staff = await signInAs(email, "headers-secretariat-2026");
    const slug = `headers-${Date.now().toString(36)}`;
    const form = new FormData();
    for (const [name, value] of Object.entries({ slug, type: "guide", publishedOn: "2024-01-01", issuingBody: "UNODC", locale: "en", title: "Headers", summary: "A file" })) form.append(name, value);
    form.append("file", new Blob(["%PDF-1.4\n%%EOF\n"], { type: "application/pdf" }), "headers.pdf");
    const saved = await staff.request("/admin/library/new", { method: "POST", body: form, headers: { Origin: staff.baseUrl } });
    expect(saved.status).toBe(302);
    const file = await new TestClient().get(`/library/${slug}/file/en`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expectSecurityHeaders(file, "library file");
  });
});
