/**
 * The hub's people side through the running app: profiles and their privacy per field for a
 * visitor, a member, the secretariat and the owner (pages, directory filters, the JSON export),
 * script in profile fields shown as text, following, and erasing an account.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { createTestDialogue } from "../../../test/dialogues";
import { DEFAULT_PASSWORD, DEMO, signInAs, signUpMember } from "../../../test/factories";
import { TestClient, visibleText } from "../../../test/http-client";

const visitor = new TestClient();

async function userIdOf(email: string) {
  return (await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** The editor's fields with every visibility given, `overrides` applied. */
function profileFields(overrides: Record<string, string | string[]> = {}) {
  return {
    pseudonym: "",
    bio: "",
    profileVisibility: "public",
    organizationVisibility: "members",
    countryVisibility: "private",
    languagesVisibility: "public",
    expertiseVisibility: "public",
    followsVisibility: "public",
    bioVisibility: "members",
    linksVisibility: "public",
    certificatesVisibility: "private",
    digestFrequency: "monthly",
    ...overrides,
  };
}

/** The directory's results, without the filter form (whose choices name every country). */
const results = (html: string) => visibleText(html.slice(html.indexOf('id="members-heading"'), html.indexOf('id="filters-heading"')));
const listed = (html: string, name: string) => results(html).includes(name);

describe("a profile with a visibility per field", () => {
  const tag = randomUUID().slice(0, 6);
  const name = `Privacy Person ${tag}`;
  const organization = `Harbour Watch ${tag}`;
  let owner: TestClient;
  let ownerId: string;
  let member: TestClient;
  let secretariat: TestClient;

  beforeAll(async () => {
    const signedUp = await signUpMember({ displayName: name, organizationName: organization, organizationKind: "academia", country: "ISL" });
    owner = signedUp.client;
    ownerId = await userIdOf(signedUp.email);
    member = (await signUpMember()).client;
    secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const saved = await owner.post("/account/profile", profileFields({ bio: `Secret bio ${tag}`, languages: ["yo", "en"], expertiseInstruments: "som" }));
    expect(saved.status).toBe(302);
    expect((await owner.post("/hub/follow", { targetType: "country", targetKey: "NOR", follow: "1", redirectTo: "/hub/members" })).status).toBe(302);
  });

  it("shows each field only to those it is visible to; the owner and the secretariat see everything", async () => {
    const path = `/hub/members/${ownerId}`;
    const asVisitor = visibleText((await visitor.get(path)).text);
    expect(asVisitor).toContain(name);
    expect(asVisitor).toContain("Yoruba");
    expect(asVisitor).not.toContain(organization);
    expect(asVisitor).not.toContain(`Secret bio ${tag}`);
    expect(asVisitor).not.toContain("Iceland");

    const asMember = visibleText((await member.get(path)).text);
    expect(asMember).toContain(organization);
    expect(asMember).toContain(`Secret bio ${tag}`);
    expect(asMember).toContain("Norway");
    // The hidden country does not leak, not even through a filter link.
    expect((await member.get(path)).text).not.toContain("country=ISL");
    expect(asMember).not.toContain("Iceland");

    for (const client of [secretariat, owner]) {
      const page = visibleText((await client.get(path)).text);
      expect(page).toContain("Iceland");
      expect(page).toContain("only me and the secretariat");
    }
  });

  it("never finds a member through a filter on a field hidden from the viewer", async () => {
    // Country: private. Language: public. Organization kind: members only. Follows: public.
    expect(listed((await visitor.get("/hub/members?country=ISL")).text, name)).toBe(false);
    expect(listed((await member.get("/hub/members?country=ISL")).text, name)).toBe(false);
    expect(listed((await secretariat.get("/hub/members?country=ISL")).text, name)).toBe(true);
    expect(listed((await owner.get("/hub/members?country=ISL")).text, name)).toBe(true);

    expect(listed((await visitor.get("/hub/members?language=yo")).text, name)).toBe(true);
    expect(listed((await visitor.get("/hub/members?language=yo&kind=academia")).text, name)).toBe(false);
    expect(listed((await member.get("/hub/members?language=yo&kind=academia")).text, name)).toBe(true);
    expect(listed((await visitor.get("/hub/members?language=yo&expertise=instrument:som")).text, name)).toBe(true);
    expect(listed((await visitor.get("/hub/members?language=yo&reviewOf=NOR")).text, name)).toBe(true);
    // The directory row itself carries no hidden value either.
    const row = results((await member.get("/hub/members?language=yo")).text);
    expect(row).toContain(organization);
    expect(row).not.toContain("Iceland");

    expect((await owner.post("/account/profile", profileFields({ languages: "yo", followsVisibility: "private" }))).status).toBe(302);
    expect(listed((await member.get("/hub/members?language=yo&reviewOf=NOR")).text, name)).toBe(false);
    expect(listed((await secretariat.get("/hub/members?language=yo&reviewOf=NOR")).text, name)).toBe(true);
  });

  it("hides a private profile from the directory and answers 404 to others; a members-only profile from visitors", async () => {
    expect((await owner.post("/account/profile", profileFields({ languages: "yo", profileVisibility: "members" }))).status).toBe(302);
    expect((await visitor.get(`/hub/members/${ownerId}`)).status).toBe(404);
    expect((await member.get(`/hub/members/${ownerId}`)).status).toBe(200);
    expect(listed((await visitor.get("/hub/members?language=yo")).text, name)).toBe(false);

    expect((await owner.post("/account/profile", profileFields({ languages: "yo", profileVisibility: "private" }))).status).toBe(302);
    expect((await member.get(`/hub/members/${ownerId}`)).status).toBe(404);
    expect(listed((await member.get("/hub/members?language=yo")).text, name)).toBe(false);
    expect((await secretariat.get(`/hub/members/${ownerId}`)).status).toBe(200);
    expect((await owner.get(`/hub/members/${ownerId}`)).status).toBe(200);
    // Following a profile one cannot see is refused like a missing one.
    expect((await member.post("/hub/follow", { targetType: "member", targetKey: ownerId, follow: "1" })).status).toBe(404);
  });

  it("exports the member's own data only, and only to them", async () => {
    expect((await visitor.get("/account/data.json")).status).toBe(302);
    const own = await owner.get("/account/data.json");
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toContain("no-store");
    const data = JSON.parse(own.text) as { account: { id: string; organization_name: string }; follows: { countries: Array<{ party_code: string }> } };
    expect(data.account.id).toBe(ownerId);
    expect(data.account.organization_name).toBe(organization);
    expect(data.follows.countries.map((row) => row.party_code)).toContain("NOR");
    const other = JSON.parse((await member.get("/account/data.json")).text) as { account: { id: string } };
    expect(other.account.id).not.toBe(ownerId);
    expect(JSON.stringify(other)).not.toContain(organization);
  });
});

describe("profile fields from members", () => {
  it("shows script as text, accepts only https links and marks them nofollow ugc", async () => {
    const { client, email } = await signUpMember();
    const id = await userIdOf(email);
    const refused = await client.post("/account/profile", profileFields({ linkLabel0: "x", linkUrl0: "javascript:alert(1)" }));
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain("Enter an address that starts with https://.");
    expect((await client.post("/account/profile", profileFields({ linkUrl0: "http://example.org" }))).status).toBe(400);
    expect((await client.post("/account/profile", profileFields({ expertiseArticles: "untoc:999" }))).status).toBe(400);

    const saved = await client.post(
      "/account/profile",
      profileFields({ pseudonym: "<script>alert(1)</script>", bio: '"><img src=x onerror=alert(1)>', linkLabel0: "<b>bold</b>", linkUrl0: "https://example.org/a?b=<i>", bioVisibility: "public" }),
    );
    expect(saved.status).toBe(302);
    const page = await visitor.get(`/hub/members/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("<script>alert(1)</script>");
    expect(page.text).not.toContain("<img src=x");
    expect(page.text).not.toContain("<b>bold</b>");
    expect(page.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.text).toContain('<a href="https://example.org/a?b=%3Ci%3E" rel="nofollow ugc noopener">&lt;b&gt;bold&lt;/b&gt;</a>');
    // The pseudonym replaces the name everywhere in the hub.
    expect(visibleText(page.text)).not.toContain("Test Member");
  });
});

describe("following", () => {
  it("follows and unfollows members, tags, dialogues and countries, and comes back to a safe address", async () => {
    const { client, email } = await signUpMember();
    const id = await userIdOf(email);
    const follows = () => getDb().selectFrom("hub_follow").select(["target_type", "target_key"]).where("user_id", "=", id).orderBy("target_key").execute();

    const followed = await client.post("/hub/follow", { targetType: "member", targetKey: "demohub0001", follow: "1", redirectTo: "/hub/members/demohub0001" });
    expect(followed.status).toBe(302);
    expect(followed.location).toBe("/hub/members/demohub0001");
    expect(visibleText((await client.get("/hub/members/demohub0001")).text)).toContain("Unfollow");
    expect((await client.post("/hub/follow", { targetType: "tag", targetKey: "article:untoc:5", follow: "1", redirectTo: "//evil.example/x" })).location).toBe("/hub/members");
    const dialogueId = await createTestDialogue();
    expect((await client.post("/hub/follow", { targetType: "dialogue", targetKey: String(dialogueId), follow: "1" })).status).toBe(302);
    expect(visibleText((await client.get(`/dialogues/${dialogueId}`)).text)).toContain("Unfollow");
    expect(await follows()).toEqual([
      { target_type: "dialogue", target_key: String(dialogueId) },
      { target_type: "tag", target_key: "article:untoc:5" },
      { target_type: "member", target_key: "demohub0001" },
    ]);
    expect((await client.post("/hub/follow", { targetType: "country", targetKey: "ken", follow: "1" })).status).toBe(302);
    expect(await getDb().selectFrom("country_follow").select("party_code").where("user_id", "=", id).execute()).toEqual([{ party_code: "KEN" }]);

    expect((await client.post("/hub/follow", { targetType: "member", targetKey: "demohub0001", follow: "0" })).status).toBe(302);
    expect((await follows()).map((row) => row.target_type)).toEqual(["dialogue", "tag"]);
    // Nothing that does not exist, nothing malformed, nobody signed out.
    expect((await client.post("/hub/follow", { targetType: "dialogue", targetKey: "999999999", follow: "1" })).status).toBe(404);
    expect((await client.post("/hub/follow", { targetType: "country", targetKey: "XXX", follow: "1" })).status).toBe(404);
    expect((await client.post("/hub/follow", { targetType: "tag", targetKey: "<script>", follow: "1" })).status).toBe(400);
    expect((await client.post("/hub/follow", { targetType: "member", targetKey: id, follow: "1" })).status).toBe(404);
    expect((await visitor.post("/hub/follow", { targetType: "member", targetKey: "demohub0001", follow: "1" })).status).toBe(302);
  });
});

describe("the directory", () => {
  it("lists the demo members in pages with the hub's figures, says they are illustrative, and finds Kenyan NGOs on the trafficking Protocol", async () => {
    const page = await visitor.get("/hub/members");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toMatch(/\d+ members from \d+ countries/);
    expect(text).toContain("Illustrative demo profile");
    expect(text).toContain("Page 1 of");
    const kenya = results((await visitor.get("/hub/members?country=KEN&kind=ngo&expertise=instrument:tip")).text);
    expect((kenya.match(/\(demo\)/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect((await visitor.get("/fr/hub/members")).text).toContain("membres de");
    expect((await visitor.get("/hub/members?page=abc&country=<x>&expertise=article:../../")).status).toBe(200);
    expect((await visitor.get("/hub/members/demohub0010")).status).toBe(404);
    const profile = visibleText((await visitor.get("/hub/members/demohub0001")).text);
    expect(profile).toContain("This profile is illustrative demo data");
  });
});

describe("erasing an account", () => {
  it("asks for the password, then blanks the person, keeps posts as a deleted member's and registrations anonymized", async () => {
    const { client, email } = await signUpMember({ displayName: "Erased Person", organizationName: "Erased Org" });
    const id = await userIdOf(email);
    const dialogueId = await createTestDialogue({ capacity_online: 5 });
    const registered = await client.post(`/dialogues/${dialogueId}`, { intent: "register", mode: "online", organizationName: "Erased Org", organizationKind: "ngo", statement: "My personal statement" });
    expect(registered.status).toBe(302);
    const post = await getDb()
      .insertInto("hub_post")
      .values({ author_id: id, kind: "question", title: "A question that stays", body: "Body", locale: "en" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await getDb().insertInto("hub_comment").values({ post_id: post.id, author_id: id, body: "A comment that stays" }).execute();

    const exported = JSON.parse((await client.get("/account/data.json")).text) as { hub: { posts: Array<{ title: string }>; comments: unknown[] }; dialogueRegistrations: unknown[] };
    expect(exported.hub.posts.map((row) => row.title)).toEqual(["A question that stays"]);
    expect(exported.hub.comments).toHaveLength(1);
    expect(exported.dialogueRegistrations).toHaveLength(1);

    const wrong = await client.post("/account/data", { password: "not my password", confirm: "on" });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain("This password is not right.");
    expect((await client.post("/account/data", { password: DEFAULT_PASSWORD })).status).toBe(400);
    expect((await getDb().selectFrom("app_user").select("deleted_at").where("id", "=", id).executeTakeFirstOrThrow()).deleted_at).toBeNull();

    const erased = await client.post("/account/data", { password: DEFAULT_PASSWORD, confirm: "on" });
    expect(erased.status).toBe(302);
    const user = await getDb().selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(user.deleted_at).not.toBeNull();
    expect(user.email).toMatch(/@erased\.invalid$/);
    expect(user.display_name).not.toContain("Erased");
    expect(user.organization_name).not.toContain("Erased");
    expect(await getDb().selectFrom("user_session").select("id").where("user_id", "=", id).execute()).toEqual([]);
    expect(await getDb().selectFrom("hub_post").select("author_id").where("id", "=", post.id).executeTakeFirstOrThrow()).toEqual({ author_id: id });
    const registration = await getDb().selectFrom("dialogue_registration").select(["user_id", "statement", "organization_name"]).where("dialogue_id", "=", dialogueId).executeTakeFirstOrThrow();
    expect(registration).toEqual({ user_id: null, statement: "", organization_name: "—" });
    expect(await getDb().selectFrom("audit_log").select("action").where("entity_id", "=", id).where("action", "=", "account.erase").execute()).toHaveLength(1);

    expect((await client.get("/account")).status).toBe(302);
    expect((await new TestClient().post("/sign-in", { email, password: DEFAULT_PASSWORD })).status).toBe(400);
    expect((await visitor.get(`/hub/members/${id}`)).status).toBe(404);
  });
});
