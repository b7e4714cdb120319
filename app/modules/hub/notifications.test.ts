/**
 * Notifications through the running app and the real database: the in-app list and its read
 * state, the unread count in the header, followers of a dialogue told of its changes, digest
 * e-mails in the member's language sent once per period even by two runs at once, and the
 * one-click unsubscribe (valid, forged, expired).
 */
import { describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { createTestDialogue } from "../../../test/dialogues";
import { DEMO, signUpMember } from "../../../test/factories";
import { TestClient, visibleText } from "../../../test/http-client";
import { changeDialogueState } from "~/modules/dialogues/admin.server";
import { sendDigests } from "./digests.server";
import { notify } from "./notify.server";
import { createUnsubscribeToken } from "./unsubscribe.server";

async function newMember(overrides: Record<string, string> = {}) {
  const { client, email } = await signUpMember(overrides);
  const { id } = await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return { client, email, id };
}

const someNotifications = (userId: string) =>
  notify(getDb(), [
    { userId, kind: "review.stage_changed", payload: { party: "KEN", cluster: "II", from: "saq", to: "written_feedback", importId: 1 } },
    { userId, kind: "hub.reply", payload: { postId: 41, commentId: 7, title: "Who works on Article 6?", authorName: "<b>Amina</b>" } },
  ]);

describe("the notification list", () => {
  it("says each notification as a sentence with a link, counts unread ones in the header, and marks them read", async () => {
    const { client, id } = await newMember();
    const other = await newMember();
    await someNotifications(id);
    await notify(getDb(), [{ userId: other.id, kind: "hub.answer_accepted", payload: { postId: 1, commentId: 2, title: "Not yours" } }]);

    const page = await client.get("/account/notifications");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("The review of Kenya (cluster II) moved to the stage");
    expect(text).toContain("<b>Amina</b> replied in “Who works on Article 6?”.");
    expect(page.text).not.toContain("<b>Amina</b>");
    expect(page.text).toContain('href="/hub/posts/41#comment-7"');
    expect(page.text).toContain('href="/countries/KEN"');
    expect(text).not.toContain("Not yours");
    expect(text).toContain("Notifications 2");
    expect(text).toContain("Unread: 2");

    const rows = await getDb().selectFrom("notification").select(["id", "kind"]).where("user_id", "=", id).orderBy("id").execute();
    const theirs = await getDb().selectFrom("notification").select("id").where("user_id", "=", other.id).executeTakeFirstOrThrow();
    // Someone else's notification cannot be marked read through this member's form.
    expect((await client.post("/account/notifications", { intent: "read", id: String(theirs.id) })).status).toBe(302);
    expect((await getDb().selectFrom("notification").select("read_at").where("id", "=", theirs.id).executeTakeFirstOrThrow()).read_at).toBeNull();

    expect((await client.post("/account/notifications", { intent: "read", id: String(rows[0]!.id) })).status).toBe(302);
    expect(visibleText((await client.get("/account/notifications")).text)).toContain("Unread: 1");
    expect((await client.post("/account/notifications", { intent: "read-all" })).status).toBe(302);
    const after = visibleText((await client.get("/account/notifications")).text);
    expect(after).toContain("Unread: 0");
    expect(after).not.toContain("Notifications 2");
    expect((await client.post("/account/notifications", { intent: "read", id: "abc" })).status).toBe(400);
    expect((await new TestClient().get("/account/notifications")).status).toBe(302);
  });

  it("tells a dialogue's followers, in their language, when registration opens and when the times change", async () => {
    const follower = await newMember();
    await getDb().updateTable("app_user").set({ preferred_locale: "fr" }).where("id", "=", follower.id).execute();
    const dialogueId = await createTestDialogue({ state: "closed" });
    expect((await follower.client.post("/hub/follow", { targetType: "dialogue", targetKey: String(dialogueId), follow: "1" })).status).toBe(302);
    const secretariat = await getDb().selectFrom("app_user").select("id").where("email", "=", DEMO.secretariat.email).executeTakeFirstOrThrow();

    expect(await changeDialogueState(dialogueId, "open", secretariat.id)).toBe("changed");
    const rows = await getDb().selectFrom("notification").select(["kind", "payload"]).where("user_id", "=", follower.id).execute();
    expect(rows).toEqual([{ kind: "dialogue.updated", payload: { dialogueId, title: "Dialogue de test", change: "registration_opened" } }]);
    const page = visibleText((await follower.client.get("/fr/account/notifications")).text);
    expect(page).toContain("Les inscriptions sont ouvertes pour le dialogue « Dialogue de test ».");
  });
});

describe("digest e-mails", () => {
  it("go out once per member and period, even from two runs at once, in the member's language, with one-click unsubscribe headers", async () => {
    const { id, email } = await newMember();
    await getDb().updateTable("app_user").set({ preferred_locale: "fr", email_verified_at: new Date() }).where("id", "=", id).execute();
    await someNotifications(id);
    const origin = "https://agora.example";
    const now = new Date("2031-03-14T10:00:00Z");

    await Promise.all([sendDigests(origin, now), sendDigests(origin, now)]);
    const mails = await getDb().selectFrom("mail_outbox").selectAll().where("to_address", "=", email).where("kind", "=", "hub.digest").execute();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Votre résumé mensuel Agora");
    expect(mail.text_body).toContain("L'examen de Kenya (groupe II) est passé à l'étape");
    expect(mail.text_body).toContain("<b>Amina</b> a répondu dans « Who works on Article 6? ».");
    expect(mail.text_body).toContain("https://agora.example/fr/hub/posts/41#comment-7");
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/agora\.example\/fr\/hub\/unsubscribe\?token=[^>]+>$/);
    expect(await getDb().selectFrom("hub_digest").select(["frequency", "notification_count"]).where("user_id", "=", id).execute()).toEqual([{ frequency: "monthly", notification_count: 2 }]);
    expect(await getDb().selectFrom("notification").select("id").where("user_id", "=", id).where("sent_at", "is", null).execute()).toEqual([]);

    // A new notification in the same month waits for next month's digest.
    await notify(getDb(), [{ userId: id, kind: "hub.answer_accepted", payload: { postId: 3, commentId: 4, title: "Next month" } }]);
    await sendDigests(origin, new Date("2031-03-30T10:00:00Z"));
    expect(await getDb().selectFrom("mail_outbox").select("id").where("to_address", "=", email).where("kind", "=", "hub.digest").execute()).toHaveLength(1);
    await sendDigests(origin, new Date("2031-04-01T00:30:00Z"));
    const april = await getDb().selectFrom("mail_outbox").select(["text_body"]).where("to_address", "=", email).where("kind", "=", "hub.digest").orderBy("id", "desc").execute();
    expect(april).toHaveLength(2);
    expect(april[0]!.text_body).toContain("Next month");
    expect(april[0]!.text_body).not.toContain("Kenya");
  });

  it("follow the member's frequency: daily digests, none when set to never, none for unverified addresses", async () => {
    const daily = await newMember();
    const never = await newMember();
    const unverified = await newMember();
    await getDb().updateTable("app_user").set({ email_verified_at: new Date() }).where("id", "in", [daily.id, never.id]).execute();
    await getDb()
      .insertInto("hub_profile")
      .values([
        { user_id: daily.id, digest_frequency: "daily" },
        { user_id: never.id, digest_frequency: "never" },
      ])
      .execute();
    for (const member of [daily, never, unverified]) await someNotifications(member.id);
    await sendDigests("https://agora.example", new Date("2031-05-05T09:00:00Z"));
    await sendDigests("https://agora.example", new Date("2031-05-06T09:00:00Z"));
    const count = async (address: string) => (await getDb().selectFrom("mail_outbox").select("id").where("to_address", "=", address).where("kind", "=", "hub.digest").execute()).length;
    expect(await count(daily.email)).toBe(1);
    await notify(getDb(), [{ userId: daily.id, kind: "hub.answer_accepted", payload: { postId: 3, commentId: 4, title: "Tomorrow" } }]);
    await sendDigests("https://agora.example", new Date("2031-05-06T09:30:00Z"));
    expect(await count(daily.email)).toBe(2);
    expect(await count(never.email)).toBe(0);
    expect(await count(unverified.email)).toBe(0);
  });
});

describe("one-click unsubscribe", () => {
  const unsubscribeState = async (userId: string) =>
    (await getDb().selectFrom("hub_profile").select("digest_frequency").where("user_id", "=", userId).executeTakeFirst())?.digest_frequency ?? "monthly";

  it("shows a confirm button, and stops digests on POST without signing in, as mail clients do (no Origin)", async () => {
    const { id } = await newMember();
    const token = await createUnsubscribeToken(id);
    const visitor = new TestClient();
    const page = await visitor.get(`/hub/unsubscribe?token=${token}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain("Stop digest e-mails");
    expect(await unsubscribeState(id)).toBe("monthly");

    const oneClick = await visitor.request(`/fr/hub/unsubscribe?token=${token}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(oneClick.status).toBe(200);
    expect(visibleText(oneClick.text)).toContain("vous ne recevrez plus de résumés");
    expect(await unsubscribeState(id)).toBe("never");

    // The confirm button of the page does the same (it posts to the page's own address).
    const second = await newMember();
    const secondToken = await createUnsubscribeToken(second.id);
    expect((await visitor.get(`/hub/unsubscribe?token=${secondToken}`)).text).toContain(`action="/hub/unsubscribe?token=${secondToken}"`);
    const form = await visitor.post(`/hub/unsubscribe?token=${secondToken}`, { token: secondToken });
    expect(form.status).toBe(200);
    expect(await unsubscribeState(second.id)).toBe("never");
  });

  it("answers a forged, altered or expired token with a clear page and a 400, never a 500", async () => {
    const { id } = await newMember();
    const token = await createUnsubscribeToken(id);
    const visitor = new TestClient();
    const forged = token.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    const otherUser = token.replace(/^[a-z0-9]+/, "demohub0001");
    for (const bad of [forged, otherUser, "not-a-token", "<script>alert(1)</script>", "x".repeat(2000)]) {
      const page = await visitor.get(`/hub/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(page.status, bad.slice(0, 40)).toBe(400);
      expect(visibleText(page.text)).toContain("This unsubscribe link is not valid.");
      expect((await visitor.post(`/hub/unsubscribe?token=${encodeURIComponent(bad)}`, {})).status).toBe(400);
    }
    const expired = await createUnsubscribeToken(id, new Date(Date.now() - 1000));
    const page = await visitor.get(`/hub/unsubscribe?token=${expired}`);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain("This unsubscribe link has expired.");
    expect((await visitor.post("/hub/unsubscribe", { token: expired })).status).toBe(400);
    expect(await unsubscribeState(id)).toBe("monthly");
  });
});
