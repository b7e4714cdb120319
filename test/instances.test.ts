/**
 * More than one instance, and instances coming and going: two app processes on the suite's one
 * PostgreSQL and Meilisearch share sessions, rate limits and schedules; every response has a
 * request id and every request a structured log line; readiness fails while migrations are
 * pending; a SIGTERM finishes the requests in flight before the process exits.
 */
import { request as httpRequest } from "node:http";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, startAppServer } from "./app-server";
import { getDb } from "./db";
import { DEMO, signInAs, uniqueEmail } from "./factories";
import { TestClient } from "./http-client";

type App = Awaited<ReturnType<typeof startAppServer>>;
let first: App;
let second: App;
const logLines: string[] = [];

beforeAll(async () => {
  // Both run the job workers (as inline instances do), checking schedules every second.
  [first, second] = await Promise.all([
    startAppServer({ JOBS: "inline", JOBS_CRON_MONITOR_SECONDS: "1", PAGE_CACHE_SECONDS: "0" }, { onStdout: (line) => logLines.push(line) }),
    startAppServer({ JOBS: "inline", JOBS_CRON_MONITOR_SECONDS: "1", PAGE_CACHE_SECONDS: "0" }),
  ]);
}, 120_000);
afterAll(async () => Promise.all([first?.stop(), second?.stop()]));

describe("two app processes on one PostgreSQL and one Meilisearch", () => {
  it("accept a session made on either one", async () => {
    const onFirst = await signInAs(DEMO.member.email, DEMO.member.password, new TestClient(first.url));
    const onSecond = new TestClient(second.url);
    onSecond.setCookie("agora_session", onFirst.cookie("agora_session")!);
    const account = await onSecond.get("/account");
    expect(account.status).toBe(200);
    expect(account.text).toContain(DEMO.member.email);
  });

  it("count one client's attempts together, whichever instance answers", async () => {
    const email = uniqueEmail("shared-limit");
    const a = new TestClient(first.url);
    const b = new TestClient(second.url);
    // The same client address reaches both instances (as behind one load balancer).
    Object.defineProperty(b, "ip", { value: a.ip });
    for (const client of [a, b, a, b]) expect((await client.post("/sign-in", { email, password: "wrong password" })).status).toBe(400);
    const row = await getDb().selectFrom("rate_limit").select("hits").where("bucket", "=", `sign-in:account:${email}`).executeTakeFirstOrThrow();
    expect(row.hits).toBe(4);
  });

  it("run a scheduled job once a minute, not once per instance", async () => {
    // search.sync is scheduled every minute; each instance (and the suite's own app) looks every
    // second or so. pg-boss turns a due schedule into one `send-it` job per minute and name.
    const now = Date.now();
    const nextMinute = Math.ceil((now + 1000) / 60_000) * 60_000;
    await new Promise((resolve) => setTimeout(resolve, nextMinute - now + 6_000));
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job
      where name = '__pgboss__send-it' and data->>'name' = 'search.sync'
        and created_on >= ${new Date(nextMinute)} and created_on < ${new Date(nextMinute + 60_000)}
    `.execute(getDb());
    expect(rows[0]!.n).toBe(1);
  }, 90_000);
});

describe("request ids and logs", () => {
  it("gives every response an X-Request-Id, keeps a sane one from the proxy, and logs each request as JSON", async () => {
    const client = new TestClient(first.url);
    const own = await client.get("/courses");
    expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const passed = await client.get("/reset-password?token=secret-token-value", { headers: { "X-Request-Id": "lb-1234.5" } });
    expect(passed.headers.get("x-request-id")).toBe("lb-1234.5");
    expect((await client.get("/courses", { headers: { "X-Request-Id": "<script>" } })).headers.get("x-request-id")).not.toBe("<script>");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const entries = logLines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
    const entry = entries.find((item) => item.reqId === "lb-1234.5");
    expect(entry).toMatchObject({ msg: "request", method: "GET", path: "/reset-password", status: 200 });
    expect(typeof entry!.ms).toBe("number");
    // The query (a reset token here) never reaches the logs.
    expect(logLines.join("\n")).not.toContain("secret-token-value");
  });
});

describe("liveness and readiness", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let unmigrated: App | undefined;
  afterAll(async () => {
    await unmigrated?.stop();
    await scratch?.drop();
  });

  it("is live but not ready while migrations are pending", async () => {
    expect((await new TestClient(first.url).get("/readyz")).status).toBe(200);
    scratch = await createScratchDatabase(`agora_ready_${Date.now().toString(36)}`);
    unmigrated = await startAppServer({ DATABASE_URL: scratch.url, JOBS: "off", PAGE_CACHE_SECONDS: "0" });
    const live = await new TestClient(unmigrated.url).get("/healthz");
    expect(live.status).toBe(200);
    const ready = await new TestClient(unmigrated.url).get("/readyz");
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ ready: false, reason: "migrations" });
  });
});

describe("graceful shutdown", () => {
  it("finishes a request in flight after SIGTERM, then exits 0", async () => {
    const app = await startAppServer({ JOBS: "off", PAGE_CACHE_SECONDS: "0" });
    const url = new URL("/sign-in", app.url);
    const body = new URLSearchParams({ email: "in-flight@example.org", password: "wrong password" }).toString();
    const exited = new Promise<number | null>((resolve) => app.process.once("exit", (code) => resolve(code)));
    const response = new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        url,
        { method: "POST", headers: { Origin: app.url, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), "X-Forwarded-For": "10.77.0.1" } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      // Half the body now; SIGTERM; the rest a moment later.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        app.process.kill("SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 500);
      }, 200);
    });
    expect(await response).toBe(400);
    expect(await exited).toBe(0);
  }, 90_000);
});
