import { describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { DEFAULT_PASSWORD, signUpMember, uniqueEmail } from "../../../test/factories";
import { TestClient, visibleText } from "../../../test/http-client";

async function latestMailTo(email: string, kind: string) {
  return getDb()
    .selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", email)
    .where("kind", "=", kind)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

function linkIn(body: string) {
  const match = body.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`No link in: ${body}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

describe("sign-up, e-mail verification, sign-in and sign-out through the forms", () => {
  it("creates a member, signs them in and mails a verification link that works once", async () => {
    const client = new TestClient();
    const email = uniqueEmail("signup");
    const response = await client.post("/sign-up", {
      email: email.toUpperCase(),
      password: DEFAULT_PASSWORD,
      displayName: "Amina Diallo",
      organizationName: "Observatoire citoyen",
      organizationKind: "ngo",
      country: "SEN",
    });
    expect(response.status).toBe(302);
    expect(response.location).toBe("/account");
    const sessionCookie = response.headers.getSetCookie().find((line) => line.startsWith("agora_session="));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);

    const account = await client.get("/account");
    expect(account.status).toBe(200);
    expect(visibleText(account.text)).toContain(`Signed in as ${email}`);
    expect(visibleText(account.text)).toContain("Not confirmed yet");

    const user = await getDb().selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.role).toBe("member");
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.country_code).toBe("SEN");

    const mail = await latestMailTo(email, "verify_email");
    expect(mail?.subject).toBe("Confirm your email address for Agora");
    const link = linkIn(mail!.text_body);
    const verified = await client.get(link);
    expect(visibleText(verified.text)).toContain("your email address is confirmed");
    const again = await client.get(link);
    expect(visibleText(again.text)).toContain("invalid, has expired or has already been used");
    expect(visibleText((await client.get("/account")).text)).toContain("Confirmed");
  });

  it("signs out with a POST and forgets the session", async () => {
    const { client } = await signUpMember();
    const signOut = await client.post("/sign-out", {});
    expect(signOut.status).toBe(302);
    expect(client.cookie("agora_session")).toBeUndefined();
    const account = await client.get("/account");
    expect(account.status).toBe(302);
    expect(account.location).toBe("/sign-in?redirectTo=%2Faccount");
  });

  it("rejects a wrong password with a localized message and issues a new session id at each sign-in", async () => {
    const { client, email } = await signUpMember();
    const firstSession = client.cookie("agora_session");
    await client.post("/sign-out", {});

    const french = new TestClient();
    const wrong = await french.post("/fr/sign-in", { email, password: "not the password" });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain(visibleText(JSON.parse(await import("node:fs").then((fs) => fs.readFileSync("app/locales/fr/auth.json", "utf8"))).signIn.invalid));

    const signIn = await client.post("/sign-in", { email, password: DEFAULT_PASSWORD, redirectTo: "/account?from=test" });
    expect(signIn.status).toBe(302);
    expect(signIn.location).toBe("/account?from=test");
    expect(client.cookie("agora_session")).toBeDefined();
    expect(client.cookie("agora_session")).not.toBe(firstSession);
  });

  it("never redirects off-site after sign-in", async () => {
    const { client, email } = await signUpMember();
    await client.post("/sign-out", {});
    const signIn = await client.post("/sign-in", { email, password: DEFAULT_PASSWORD, redirectTo: "//evil.example/steal" });
    expect(signIn.location).toBe("/account");
  });

  it("refuses a second account with the same address, whatever its case", async () => {
    const { email } = await signUpMember();
    const client = new TestClient();
    const response = await client.post("/sign-up", {
      email: email.toUpperCase(),
      password: DEFAULT_PASSWORD,
      displayName: "Twin",
      organizationName: "Twin NGO",
      organizationKind: "ngo",
    });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain("An account with this email address already exists");
    const count = await getDb().selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", email).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});

describe("password reset by e-mailed single-use token", () => {
  it("resets the password, ends old sessions and refuses the token a second time", async () => {
    const { client: oldDevice, email } = await signUpMember();
    const visitor = new TestClient();
    const request = await visitor.post("/forgot-password", { email });
    expect(request.status).toBe(200);
    expect(visibleText(request.text)).toContain("a reset link is on its way");

    const mail = await latestMailTo(email, "reset_password");
    const link = linkIn(mail!.text_body);
    const token = new URL(link, "http://x").searchParams.get("token")!;
    const reset = await visitor.post("/reset-password", { token, password: "a brand new passphrase", confirmPassword: "a brand new passphrase" });
    expect(reset.status).toBe(302);
    expect(reset.location).toBe("/sign-in?reset=1");

    expect((await oldDevice.get("/account")).status).toBe(302);
    const reused = await visitor.post("/reset-password", { token, password: "another passphrase!", confirmPassword: "another passphrase!" });
    expect(reused.status).toBe(400);
    expect(visibleText(reused.text)).toContain("This link is invalid, has expired or has already been used");

    expect((await visitor.post("/sign-in", { email, password: DEFAULT_PASSWORD })).status).toBe(400);
    expect((await visitor.post("/sign-in", { email, password: "a brand new passphrase" })).status).toBe(302);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    const response = await new TestClient().post("/forgot-password", { email });
    expect(response.status).toBe(200);
    expect(visibleText(response.text)).toContain("a reset link is on its way");
    expect(await latestMailTo(email, "reset_password")).toBeUndefined();
  });
});

describe("account page", () => {
  it("saves the profile and preferred language, then shows the page in that language", async () => {
    const { client, email } = await signUpMember();
    const response = await client.post("/account", {
      intent: "profile",
      displayName: "Nouveau Nom",
      organizationName: "Nouvelle ONG",
      organizationKind: "academia",
      country: "FRA",
      preferredLocale: "fr",
    });
    expect(response.status).toBe(302);
    expect(response.location).toBe("/fr/account?saved=profile");
    const user = await getDb().selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: "Nouveau Nom", organization_kind: "academia", country_code: "FRA", preferred_locale: "fr" });
  });

  it("changes the password only with the current one, and signs out everywhere", async () => {
    const { client, email } = await signUpMember();
    const wrong = await client.post("/account", { intent: "password", currentPassword: "wrong one!!", password: "fresh passphrase 1", confirmPassword: "fresh passphrase 1" });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain("The current password is not correct.");

    const changed = await client.post("/account", { intent: "password", currentPassword: DEFAULT_PASSWORD, password: "fresh passphrase 1", confirmPassword: "fresh passphrase 1" });
    expect(changed.status).toBe(302);
    expect((await client.get("/account")).status).toBe(302);

    const phone = new TestClient();
    const laptop = new TestClient();
    await phone.post("/sign-in", { email, password: "fresh passphrase 1" });
    await laptop.post("/sign-in", { email, password: "fresh passphrase 1" });
    expect((await phone.get("/account")).status).toBe(200);
    const everywhere = await laptop.post("/account", { intent: "sign-out-everywhere" });
    expect(everywhere.status).toBe(302);
    expect((await phone.get("/account")).status).toBe(302);
    expect((await laptop.get("/account")).status).toBe(302);
  });
});

describe("hostile and malformed input", () => {
  it("answers oversized, missing and unknown values with field errors and writes nothing", async () => {
    const email = uniqueEmail("bad");
    const client = new TestClient();
    const response = await client.post("/sign-up", {
      email,
      password: "short",
      displayName: "x".repeat(5000),
      organizationName: "",
      organizationKind: "cartel",
      country: "NOT-A-COUNTRY",
    });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain("Enter at least 10 characters.");
    expect(text).toContain("Enter at most 120 characters.");
    expect(text).toContain("This field is required.");
    expect(text).toContain("Choose one of the options offered.");
    expect(await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
  });

  it("ignores a forged role field", async () => {
    const { email } = await signUpMember({ role: "secretariat" });
    const user = await getDb().selectFrom("app_user").select("role").where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.role).toBe("member");
  });

  it("localizes validation errors", async () => {
    const response = await new TestClient().post("/es/sign-up", { email: "not-an-email" });
    expect(response.status).toBe(400);
    const es = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync("app/locales/es/common.json", "utf8")));
    expect(visibleText(response.text)).toContain(visibleText(es.errors.invalidEmail));
  });
});

describe("what a member is told, rendered by the server (no JavaScript needed)", () => {
  it("says on the sign-in page that the password was reset, in the reader's language", async () => {
    const { email } = await signUpMember();
    const visitor = new TestClient();
    await visitor.post("/fr/forgot-password", { email });
    const token = new URL(linkIn((await latestMailTo(email, "reset_password"))!.text_body), "http://x").searchParams.get("token")!;
    const landed = await visitor.post("/fr/reset-password", { token, password: "a brand new passphrase", confirmPassword: "a brand new passphrase" }, { follow: true });
    expect(landed.url).toMatch(/\/fr\/sign-in\?reset=1$/);
    expect(landed.text).toMatch(/role="status"[^>]*>Votre mot de passe a été modifié\. Connectez-vous avec le nouveau mot de passe\./);
    // A plain sign-in page says nothing of the kind.
    expect(visibleText((await new TestClient().get("/fr/sign-in")).text)).not.toContain("Votre mot de passe a été modifié");
  });

  it("says on the sign-in page why a member who changed the password was signed out", async () => {
    const { client } = await signUpMember();
    const landed = await client.post("/account", { intent: "password", currentPassword: DEFAULT_PASSWORD, password: "fresh passphrase 2", confirmPassword: "fresh passphrase 2" }, { follow: true });
    expect(landed.url).toMatch(/\/sign-in\?changed=1$/);
    expect(visibleText(landed.text)).toContain("Your password has been changed and every session of your account ended, this one included. Sign in with the new password.");
  });

  it("confirms a saved profile in the page the server sends", async () => {
    const { client } = await signUpMember();
    const landed = await client.post(
      "/account",
      { intent: "profile", displayName: "Nom Sauvé", organizationName: "ONG", organizationKind: "ngo", country: "", preferredLocale: "fr" },
      { follow: true },
    );
    expect(landed.url).toMatch(/\/fr\/account\?saved=profile$/);
    expect(landed.text).toMatch(/role="status"[^>]*>Votre profil a été enregistré\./);
    expect(visibleText((await client.get("/fr/account")).text)).not.toContain("Votre profil a été enregistré.");
  });

  it("titles the e-mail confirmation page as what it is, not with a form field's label", async () => {
    const page = await new TestClient().get("/fr/verify-email?token=not-a-real-token");
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page.text)?.[1];
    expect(visibleText(heading ?? "").trim()).toBe("Confirmation de l'adresse électronique");
    expect(page.text).toMatch(/<title>Confirmation de l&#x27;adresse électronique/);
    const english = await new TestClient().get("/verify-email?token=not-a-real-token");
    expect(visibleText(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(english.text)?.[1] ?? "").trim()).toBe("Confirm your email address");
  });
});
