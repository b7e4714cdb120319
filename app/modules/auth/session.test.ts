import { describe, expect, it } from "vitest";
import { DEMO, signInAs } from "../../../test/factories";
import { getSessionUser } from "./session.server";

describe("the session check", () => {
  it("reads the session and its user once per request, and not for another request", async () => {
    const client = await signInAs(DEMO.member.email, DEMO.member.password);
    const cookie = `agora_session=${client.cookie("agora_session")}`;
    const request = new Request("http://localhost/courses", { headers: { cookie } });
    const first = getSessionUser(request);
    expect(getSessionUser(request)).toBe(first); // the root loader and the page's loader share one check
    const { user, setCookie } = await first;
    expect(user).toMatchObject({ email: DEMO.member.email, role: "member", emailVerified: true });
    expect(setCookie).toBeUndefined(); // a fresh session is not extended: no write, no new cookie
    expect(getSessionUser(new Request("http://localhost/courses", { headers: { cookie } }))).not.toBe(first);
  });

  it("answers no one for an unknown session and clears its cookie", async () => {
    const { user, setCookie } = await getSessionUser(new Request("http://localhost/", { headers: { cookie: "agora_session=nosuchsession" } }));
    expect(user).toBeNull();
    expect(setCookie).toMatch(/^agora_session=;/);
  });
});
