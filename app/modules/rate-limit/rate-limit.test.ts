import { describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { DEFAULT_PASSWORD, signUpMember, uniqueEmail } from "../../../test/factories";
import { TestClient, visibleText } from "../../../test/http-client";
import { RATE_LIMITS } from "./rate-limit.server";

describe("rate limits kept in PostgreSQL", () => {
  it("locks an account after too many failed sign-ins, from any address, with a localized 429", async () => {
    const { email } = await signUpMember();
    for (let attempt = 0; attempt < RATE_LIMITS.signInPerAccount.limit; attempt++) {
      // A fresh client each time: a new address, so only the per-account limit applies.
      expect((await new TestClient().post("/sign-in", { email, password: "wrong password" })).status).toBe(400);
    }
    const french = new TestClient();
    const blocked = await french.post("/fr/sign-in", { email, password: DEFAULT_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(visibleText(blocked.text)).toMatch(/Trop de tentatives|tentatives/);
    const row = await getDb().selectFrom("rate_limit").selectAll().where("bucket", "=", `sign-in:account:${email}`).executeTakeFirstOrThrow();
    expect(row.hits).toBe(RATE_LIMITS.signInPerAccount.limit + 1);
  });

  it("limits sign-ups per address", async () => {
    const client = new TestClient();
    for (let attempt = 0; attempt < RATE_LIMITS.signUpPerIp.limit; attempt++) {
      expect((await client.post("/sign-up", { email: "bad" })).status).toBe(400);
    }
    const email = uniqueEmail("limited");
    const blocked = await client.post("/sign-up", {
      email,
      password: DEFAULT_PASSWORD,
      displayName: "Blocked",
      organizationName: "Blocked NGO",
      organizationKind: "ngo",
    });
    expect(blocked.status).toBe(429);
    expect(await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
  });

  it("limits password-reset requests per address", async () => {
    const client = new TestClient();
    for (let attempt = 0; attempt < RATE_LIMITS.resetPerIp.limit; attempt++) {
      expect((await client.post("/forgot-password", { email: uniqueEmail() })).status).toBe(200);
    }
    expect((await client.post("/forgot-password", { email: uniqueEmail() })).status).toBe(429);
  });
});
