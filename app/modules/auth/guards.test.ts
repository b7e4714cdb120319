import { describe, expect, it } from "vitest";
import { DEMO, signInAs, signUpMember } from "../../../test/factories";
import { TestClient } from "../../../test/http-client";

describe("role guards on the server", () => {
  it("sends visitors to sign in and back", async () => {
    const response = await new TestClient().get("/fr/admin/mail");
    expect(response.status).toBe(302);
    expect(response.location).toBe("/fr/sign-in?redirectTo=%2Ffr%2Fadmin%2Fmail");
  });

  it("refuses members and facilitators the secretariat's pages", async () => {
    const { client: member } = await signUpMember();
    expect((await member.get("/admin")).status).toBe(403);
    expect((await member.get("/admin/mail")).status).toBe(403);
    const facilitator = await signInAs(DEMO.facilitator.email, DEMO.facilitator.password);
    expect((await facilitator.get("/admin/mail")).status).toBe(403);
  });

  it("lets the secretariat read the mail outbox", async () => {
    const { email } = await signUpMember();
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const response = await secretariat.get(`/admin/mail?to=${encodeURIComponent(email)}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain(email);
    expect(response.text).toContain("Confirm your email address for Agora");
  });

  it("keeps signed-in users away from sign-in and sign-up", async () => {
    const { client } = await signUpMember();
    expect((await client.get("/sign-in")).location).toBe("/account");
    expect((await client.get("/ar/sign-up")).location).toBe("/ar/account");
  });
});
