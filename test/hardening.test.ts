/**
 * The holes found by probing the production build (issue 10), each shut and kept shut: open
 * redirects, links built from a forged Host, body size, caching of private pages, the outbox,
 * "send the link again", TRUST_PROXY, PUBLIC_URL in production and the purge of stale rows.
 */
import { spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer } from "./app-server";
import { getDb } from "./db";
import { DEMO, signInAs, signUpMember, uniqueEmail } from "./factories";
import { TestClient, visibleText } from "./http-client";
import { parseTrustProxy } from "../scripts/lib/config";
import { scheduledJobs } from "../app/modules/jobs/registry.server";
import { purgeExpired } from "../app/modules/maintenance/purge.server";

/** A raw request, for headers fetch will not let us forge (Host). */
function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? "GET", headers: options.headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

const latestMail = (email: string, kind: string) =>
  getDb().selectFrom("mail_outbox").selectAll().where("to_address", "=", email).where("kind", "=", kind).orderBy("id", "desc").executeTakeFirstOrThrow();

describe("no open redirect", () => {
  it("sends /en//evil.com to a path on this site, not to another host", async () => {
    const client = new TestClient();
    for (const [path, expected] of [
      ["/en//evil.com", "/evil.com"],
      ["/en///evil.com/x?y=1", "/evil.com/x?y=1"],
      ["/en/courses", "/courses"],
    ] as const) {
      const response = await client.get(path);
      expect(response.status, path).toBe(302);
      expect(response.location, path).toBe(expected);
    }
  });

  it("ignores a redirectTo after sign-in that a browser would read as another host", async () => {
    for (const target of ["/\t/evil.com", "/\\evil.com", "//evil.com", "/\n/evil.com", "https://evil.com", "/%09/evil.com"]) {
      const { email, client } = await signUpMember();
      await client.post("/sign-out", {});
      const response = await client.post("/sign-in", { email, password: "correct horse battery", redirectTo: target });
      expect(response.status, JSON.stringify(target)).toBe(302);
      const location = new URL(response.location!, "http://agora.invalid");
      expect(location.origin, JSON.stringify(target)).toBe("http://agora.invalid");
      if (target !== "/%09/evil.com") expect(response.location, JSON.stringify(target)).toBe("/account");
    }
  });
});

describe("links in e-mails come from PUBLIC_URL, never from the request", () => {
  it("mails a reset link to this site when the request says Host: evil.example", async () => {
    const { email } = await signUpMember();
    const url = new URL("/forgot-password", process.env.APP_URL);
    const response = await rawRequest(url.toString(), {
      method: "POST",
      headers: { Host: "evil.example", Origin: "http://evil.example", "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "10.99.0.1" },
      body: new URLSearchParams({ email }).toString(),
    });
    expect(response.status).toBeLessThan(500);
    const mail = await latestMail(email, "reset_password");
    const link = mail.text_body.match(/https?:\/\/\S+/)![0];
    expect(new URL(link).origin).toBe(new URL(process.env.APP_URL!).origin);
    expect(mail.text_body).not.toContain("evil.example");
  });

  it("refuses to start in production without PUBLIC_URL, in one sentence", () => {
    for (const script of ["scripts/start.ts", "scripts/server.ts"]) {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
      delete env.PUBLIC_URL;
      const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), script], { env, encoding: "utf8", timeout: 20_000 });
      expect(result.status, script).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines, script).toHaveLength(1);
      expect(lines[0]).toMatch(/^PUBLIC_URL is not set/);
      expect(result.stdout).not.toContain("listening");
    }
  });
});

describe("TRUST_PROXY as Express documents it", () => {
  it("reads hop counts, booleans and address lists", () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("FALSE")).toBe(false);
    expect(parseTrustProxy("loopback")).toEqual(["loopback"]);
    expect(parseTrustProxy("loopback, 10.0.0.0/8 ,192.168.1.4, ::1")).toEqual(["loopback", "10.0.0.0/8", "192.168.1.4", "::1"]);
    expect(() => parseTrustProxy("yes please")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.0/99")).toThrow(/TRUST_PROXY/);
  });

  let proxied: Awaited<ReturnType<typeof startAppServer>> | undefined;
  afterAll(async () => proxied?.stop());

  it("gives two clients behind one proxy (TRUST_PROXY=1) a rate-limit bucket each", async () => {
    proxied = await startAppServer({ TRUST_PROXY: "1", JOBS: "off", PAGE_CACHE_SECONDS: "0" });
    const first = new TestClient(proxied.url);
    const second = new TestClient(proxied.url);
    const email = uniqueEmail("proxy");
    for (const client of [first, second]) expect((await client.post("/sign-in", { email, password: "wrong password" })).status).toBe(400);
    const buckets = await getDb().selectFrom("rate_limit").select(["bucket", "hits"]).where("bucket", "in", [`sign-in:ip:${first.ip}`, `sign-in:ip:${second.ip}`]).orderBy("bucket").execute();
    expect(buckets.map((row) => row.hits)).toEqual([1, 1]);
    // TRUST_PROXY=true started too (it crashed at boot): the same parser feeds Express.
    expect(parseTrustProxy("true")).toBe(true);
  });
});

describe("request bodies", () => {
  it("refuses an oversized body before the sign-in rate limit reads it", async () => {
    const client = new TestClient();
    const huge = await client.post("/sign-in", { email: "a@example.org", password: "x".repeat(400_000) });
    expect(huge.status).toBe(413);
    const chunked = await fetch(new URL("/sign-in", client.baseUrl), {
      method: "POST",
      headers: { Origin: client.baseUrl, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": client.ip },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("email=a%40example.org&password=x"));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);
    expect(await getDb().selectFrom("rate_limit").select("bucket").where("bucket", "=", `sign-in:ip:${client.ip}`).execute()).toEqual([]);
    // A normal form still works.
    expect((await client.post("/sign-in", { email: "a@example.org", password: "wrong password" })).status).toBe(400);
  });
});

describe("private pages are not cached", () => {
  it("sends Cache-Control: no-store to a signed-in reader and on sign-in, not on public pages read anonymously", async () => {
    const anonymous = await new TestClient().get("/courses");
    expect(anonymous.headers.get("cache-control") ?? "").not.toContain("no-store");
    const { email, client } = await signUpMember();
    for (const path of ["/account", "/courses", "/account/learning"]) {
      expect((await client.get(path)).headers.get("cache-control"), path).toBe("private, no-store");
    }
    await client.post("/sign-out", {});
    const signIn = await client.post("/sign-in", { email, password: "correct horse battery" });
    expect(signIn.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("e-mails about accounts", () => {
  it("hides live links in the outbox the secretariat reads", async () => {
    const { email } = await signUpMember();
    const stored = await latestMail(email, "verify_email");
    const token = new URL(stored.text_body.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const page = await secretariat.get(`/admin/mail?to=${encodeURIComponent(email)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("token=[hidden]");
    expect(page.text).not.toContain(token);
  });

  it("limits “send the link again” and never puts the chosen name into a message", async () => {
    const name = "WIN A PRIZE at prize.example";
    const { email, client } = await signUpMember({ displayName: name });
    const resend = () => client.post("/account", { intent: "resend-verification" });
    for (let i = 0; i < 3; i++) expect((await resend()).status).toBe(200);
    const refused = await resend();
    expect(refused.status).toBe(429);
    expect(visibleText(refused.text)).toMatch(/Too many attempts/);
    const mails = await getDb().selectFrom("mail_outbox").select("text_body").where("to_address", "=", email).execute();
    expect(mails).toHaveLength(4);
    for (const mail of mails) expect(mail.text_body).not.toContain(name);
    // The reset message does not carry it either.
    await new TestClient().post("/forgot-password", { email });
    expect((await latestMail(email, "reset_password")).text_body).not.toContain(name);
  });
});

describe("the hourly purge", () => {
  it("is scheduled, and deletes expired sessions, spent tokens, old rate-limit rows and old mail, nothing live", async () => {
    expect(scheduledJobs.map((job) => job.name)).toContain("maintenance.purge");
    const { email } = await signUpMember();
    const db = getDb();
    const user = await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const hourAgo = new Date(Date.now() - 3600_000);
    const tag = email.split("@")[0]!;
    await db
      .insertInto("user_session")
      .values([
        { id: `${tag}-old`, user_id: user.id, expires_at: hourAgo },
        { id: `${tag}-live`, user_id: user.id, expires_at: new Date(Date.now() + 3600_000) },
      ])
      .execute();
    await db
      .insertInto("auth_token")
      .values([
        { token_hash: `${tag}-used`, user_id: user.id, purpose: "reset_password", expires_at: new Date(Date.now() + 3600_000), used_at: new Date() },
        { token_hash: `${tag}-expired`, user_id: user.id, purpose: "reset_password", expires_at: hourAgo },
        { token_hash: `${tag}-live`, user_id: user.id, purpose: "verify_email", expires_at: new Date(Date.now() + 3600_000) },
      ])
      .execute();
    await db
      .insertInto("rate_limit")
      .values([
        { bucket: `${tag}-old`, window_started_at: new Date(Date.now() - 3 * 86_400_000), hits: 3 },
        { bucket: `${tag}-live`, window_started_at: new Date(), hits: 3 },
      ])
      .execute();
    const old = new Date(Date.now() - 31 * 86_400_000);
    await db
      .insertInto("mail_outbox")
      .values([
        { to_address: `${tag}-old@example.org`, subject: "s", text_body: "t", kind: "test", status: "stored", created_at: old },
        { to_address: `${tag}-pending@example.org`, subject: "s", text_body: "t", kind: "test", status: "pending", created_at: old },
        { to_address: `${tag}-new@example.org`, subject: "s", text_body: "t", kind: "test", status: "stored" },
      ])
      .execute();

    await purgeExpired();

    expect((await db.selectFrom("user_session").select("id").where("id", "like", `${tag}-%`).execute()).map((row) => row.id)).toEqual([`${tag}-live`]);
    expect((await db.selectFrom("auth_token").select("token_hash").where("token_hash", "like", `${tag}-%`).execute()).map((row) => row.token_hash)).toEqual([`${tag}-live`]);
    expect((await db.selectFrom("rate_limit").select("bucket").where("bucket", "like", `${tag}-%`).execute()).map((row) => row.bucket)).toEqual([`${tag}-live`]);
    const mail = await db.selectFrom("mail_outbox").select("to_address").where("to_address", "like", `${tag}-%`).orderBy("to_address").execute();
    expect(mail.map((row) => row.to_address)).toEqual([`${tag}-new@example.org`, `${tag}-pending@example.org`]);
  });
});
