/**
 * Constructive dialogues through the running app and the real database: the calendar and its
 * files, registration with seats, waiting list and approval, the secretariat's tools, e-mails
 * and participation figures. Members post forms as a browser without JavaScript does.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { createTestDialogue, createTestMembers, lastMailTo } from "../../../test/dialogues";
import { DEMO, signInAs, signUpMember } from "../../../test/factories";
import { TestClient, visibleText } from "../../../test/http-client";
import { registerForDialogue, sendDueReminders } from "./registration.server";

const anonymous = new TestClient();

const registration = (fields: Record<string, string> = {}) => ({
  intent: "register",
  mode: "in_person",
  organizationName: "Coastal Watch (test)",
  organizationKind: "ngo",
  listPublicly: "on",
  ...fields,
});

async function registrationOf(dialogueId: number, email: string) {
  return getDb()
    .selectFrom("dialogue_registration as r")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select(["r.id", "r.status", "r.mode", "r.check_in_code", "r.attended_at", "r.priority"])
    .where("r.dialogue_id", "=", dialogueId)
    .where("u.email", "=", email)
    .executeTakeFirst();
}

async function demoDialogueId(sessionCode: string) {
  const row = await getDb().selectFrom("dialogue").select("id").where("session_code", "=", sessionCode).executeTakeFirstOrThrow();
  return row.id;
}

describe("the calendar", () => {
  it("lists upcoming and past dialogues, filters them with a GET form, and says the demo data is illustrative", async () => {
    const page = await anonymous.get("/dialogues");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("Constructive dialogue, 2023 (demo)");
    expect(text).toContain("Constructive dialogue after the next working-group session (demo)");
    expect(text).toMatch(/Illustrative data/);
    expect(text.indexOf("Upcoming dialogues")).toBeLessThan(text.indexOf("next working-group session"));
    expect(text.indexOf("Past dialogues")).toBeLessThan(text.indexOf("2023 (demo)"));

    const filtered = visibleText((await anonymous.get("/dialogues?year=2022")).text);
    expect(filtered).toContain("Constructive dialogue, 2022 (demo)");
    expect(filtered).not.toContain("Constructive dialogue, 2023 (demo)");
    // Nonsense filters are ignored, not a 500.
    expect((await anonymous.get("/dialogues?year=abc&format=%3Cscript%3E&session=../../x")).status).toBe(200);

    const french = await anonymous.get("/fr/dialogues");
    expect(french.status).toBe(200);
    expect(french.text).toContain("Dialogue constructif, 2023 (démo)");
  });

  it("publishes open data and calendar files whose instants a real iCalendar parser reads back", async () => {
    const list = JSON.parse((await anonymous.get("/dialogues.json")).text) as Array<{ id: number; title: Record<string, string>; starts_at: string; time_zone: string; state: string; url: string }>;
    const upcomingId = await demoDialogueId("wg-2027");
    const upcoming = list.find((item) => item.id === upcomingId)!;
    expect(upcoming).toMatchObject({ time_zone: "Europe/Vienna", state: "open" });
    expect(upcoming.url).toMatch(new RegExp(`/dialogues/${upcomingId}$`));

    const file = await anonymous.get(`/dialogues/${upcomingId}/calendar.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/calendar/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe(upcoming.starts_at);
    expect(event.summary).toBe(upcoming.title.en);

    const feed = await anonymous.get("/dialogues.ics?lang=fr");
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents("vevent");
    expect(events.length).toBe(list.length);
    expect(events.map((item) => String(item.getFirstPropertyValue("summary")))).toContain("Dialogue constructif, 2023 (démo)");

    expect((await anonymous.get("/dialogues/999999/calendar.ics")).status).toBe(404);
    expect((await anonymous.get("/dialogues/abc")).status).toBe(404);
  });

  it("gives the 2023 dialogue's participation as the background paper does", async () => {
    const id = await demoDialogueId("wg-2023");
    const response = await anonymous.get(`/dialogues/${id}/participation.json`);
    expect(response.status).toBe(200);
    const figures = JSON.parse(response.text);
    expect(figures.organizations).toEqual({ ngo: 299, academia: 15, private_sector: 14, igo: 1, government: 72, other: 0 });
    expect(figures.states).toBe(72);
    expect(figures.igos).toBe(1);
    expect(figures.observations).toBe(22);
    expect(figures.attendees.in_person + figures.attendees.online).toBeGreaterThan(299 + 15 + 14 + 1 + 72);
    const page = visibleText((await anonymous.get(`/dialogues/${id}`)).text);
    expect(page).toContain("328 non-governmental stakeholders took part, with 72 member states and 1 intergovernmental organizations");
    // Participation of a dialogue not yet held is not published.
    expect((await anonymous.get(`/dialogues/${await demoDialogueId("wg-2027")}/participation.json`)).status).toBe(404);
  });
});

describe("registration", () => {
  it("confirms, waitlists and promotes, with e-mails, a check-in code and the online link only once confirmed", async () => {
    const dialogueId = await createTestDialogue({ capacity_in_person: 1, capacity_online: 1 });
    const first = await signUpMember();
    const second = await signUpMember();
    const page = visibleText((await first.client.get(`/dialogues/${dialogueId}`)).text);
    expect(page).toContain("1 of 1 seats left");

    const registered = await first.client.post(`/dialogues/${dialogueId}`, registration());
    expect(registered.status).toBe(302);
    const confirmed = await registrationOf(dialogueId, first.email);
    expect(confirmed?.status).toBe("confirmed");
    const firstPage = visibleText((await first.client.get(registered.location!)).text);
    expect(firstPage).toContain("Your registration (In person) is confirmed.");
    expect(firstPage).toContain(confirmed!.check_in_code);
    const mail = await lastMailTo(first.email);
    expect(mail?.subject).toMatch(/^Registration confirmed/);
    expect(mail?.text_body).toContain(confirmed!.check_in_code);
    expect(mail?.text_body).toMatch(new RegExp(`/dialogues/${dialogueId}/calendar\\.ics`));

    // A double submit changes nothing and sends nothing more.
    const mailCount = async (address: string) => (await getDb().selectFrom("mail_outbox").select("id").where("to_address", "=", address).execute()).length;
    const before = await mailCount(first.email);
    expect((await first.client.post(`/dialogues/${dialogueId}`, registration())).status).toBe(302);
    expect(await mailCount(first.email)).toBe(before);
    expect((await getDb().selectFrom("dialogue_registration").select("id").where("dialogue_id", "=", dialogueId).execute()).length).toBe(1);

    await second.client.post(`/dialogues/${dialogueId}`, registration({ organizationName: "Second NGO" }));
    expect((await registrationOf(dialogueId, second.email))?.status).toBe("waitlisted");
    const waiting = visibleText((await second.client.get(`/dialogues/${dialogueId}`)).text);
    expect(waiting).toContain("You are on the waiting list (In person), number 1.");
    expect((await lastMailTo(second.email))?.subject).toMatch(/^Waiting list/);

    // Online: confirmed, and the link appears on the page only for that registrant.
    const third = await signUpMember();
    await third.client.post(`/dialogues/${dialogueId}`, registration({ mode: "online" }));
    expect((await third.client.get(`/dialogues/${dialogueId}`)).text).toContain("https://meet.example.org/test");
    expect((await anonymous.get(`/dialogues/${dialogueId}`)).text).not.toContain("https://meet.example.org/test");
    expect((await second.client.get(`/dialogues/${dialogueId}`)).text).not.toContain("https://meet.example.org/test");

    // The first cancels: the seat goes to the head of the waiting list, who is told by e-mail.
    const cancelled = await first.client.post(`/dialogues/${dialogueId}`, { intent: "cancel" });
    expect(cancelled.status).toBe(302);
    expect((await registrationOf(dialogueId, first.email))?.status).toBe("cancelled");
    expect((await registrationOf(dialogueId, second.email))?.status).toBe("confirmed");
    expect((await lastMailTo(second.email))?.subject).toMatch(/^A seat is yours/);
  });

  it("refuses closed, draft, ineligible and forged registrations with a clear message and writes nothing", async () => {
    const member = await signUpMember();
    const closed = await createTestDialogue({ state: "closed" });
    const refusedClosed = await member.client.post(`/dialogues/${closed}`, registration());
    expect(refusedClosed.status).toBe(409);
    expect(visibleText(refusedClosed.text)).toContain("This dialogue is not open for registration.");

    const draft = await createTestDialogue({ state: "draft" });
    expect((await member.client.post(`/dialogues/${draft}`, registration())).status).toBe(404);
    expect((await member.client.get(`/dialogues/${draft}`)).status).toBe(404);

    const academicsOnly = await createTestDialogue({ eligible_kinds: ["academia"] });
    const ineligible = await member.client.post(`/dialogues/${academicsOnly}`, registration());
    expect(ineligible.status).toBe(409);
    expect(visibleText(ineligible.text)).toContain("This dialogue is not open to this kind of organization.");

    const onlineOnly = await createTestDialogue({ format: "online", capacity_in_person: 0, capacity_online: 5 });
    const wrongMode = await member.client.post(`/dialogues/${onlineOnly}`, registration({ mode: "in_person" }));
    expect(wrongMode.status).toBe(409);
    expect((await member.client.post(`/dialogues/${onlineOnly}`, registration({ mode: "balcony" }))).status).toBe(400);
    expect((await member.client.post("/dialogues/2147483647", registration())).status).toBe(404);
    expect((await member.client.post("/dialogues/-1", registration())).status).toBe(404);

    const open = await createTestDialogue();
    const oversized = await member.client.post(`/dialogues/${open}`, registration({ statement: "x".repeat(2001), organizationName: "<script>alert(1)</script>" }));
    expect(oversized.status).toBe(400);
    expect(visibleText(oversized.text)).toContain("Enter at most 2000 characters.");
    expect(oversized.text).not.toContain("<script>alert(1)</script>");

    const written = await getDb().selectFrom("dialogue_registration").select("id").where("dialogue_id", "in", [closed, draft, academicsOnly, onlineOnly, open]).execute();
    expect(written).toEqual([]);
    // Visitors are sent to sign in.
    const visitor = await new TestClient().post(`/dialogues/${open}`, registration());
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("tells a member with the named course's certificate that they have priority, and puts them first in line", async () => {
    const dialogueId = await createTestDialogue({ capacity_in_person: 1, course_slug: "review-mechanism", course_rule: "priority" });
    const [early, later, holder] = await createTestMembers(3, "prio");
    await getDb().insertInto("certificate").values({ code: "PRIO-TEST-0001", user_id: holder!.id, course_slug: "review-mechanism", holder_name: holder!.display_name }).execute();
    const form = { intent: "register" as const, mode: "in_person" as const, organizationName: "Org", organizationKind: "ngo" as const, statement: "", accessibilityNeeds: "", listPublicly: false };
    for (const member of [early!, later!, holder!]) await registerForDialogue(dialogueId, { id: member.id, locale: "en" }, form, "http://agora.test");
    const waiting = await getDb().selectFrom("dialogue_registration").select(["user_id", "priority"]).where("dialogue_id", "=", dialogueId).where("status", "=", "waitlisted").orderBy("priority", "desc").orderBy("waitlisted_at").execute();
    expect(waiting).toEqual([
      { user_id: holder!.id, priority: true },
      { user_id: later!.id, priority: false },
    ]);

    const required = await createTestDialogue({ course_slug: "review-mechanism", course_rule: "required" });
    expect(await registerForDialogue(required, { id: later!.id, locale: "en" }, form, "http://agora.test")).toEqual({ ok: false, reason: "courseRequired" });
    expect(await registerForDialogue(required, { id: holder!.id, locale: "en" }, form, "http://agora.test")).toMatchObject({ ok: true, status: "confirmed" });
  });

  it("gives exactly the seats there are when 300 members register at once for 50", async () => {
    const dialogueId = await createTestDialogue({ format: "in_person", capacity_in_person: 50, capacity_online: 0 });
    const members = await createTestMembers(300);
    const form = { intent: "register" as const, mode: "in_person" as const, organizationName: "Org", organizationKind: "ngo" as const, statement: "", accessibilityNeeds: "", listPublicly: false };
    const outcomes = await Promise.all(members.map((member) => registerForDialogue(dialogueId, { id: member.id, locale: "en" }, form, "http://agora.test")));
    expect(outcomes.every((outcome) => outcome?.ok)).toBe(true);
    const rows = await getDb()
      .selectFrom("dialogue_registration")
      .select(["id", "status", "waitlisted_at"])
      .where("dialogue_id", "=", dialogueId)
      .orderBy("id")
      .execute();
    expect(rows.length).toBe(300);
    expect(rows.filter((row) => row.status === "confirmed").length).toBe(50);
    expect(rows.filter((row) => row.status === "waitlisted").length).toBe(250);
    // The first 50 to get the lock got the seats; everyone after waits, in the order they came.
    expect(rows.slice(0, 50).every((row) => row.status === "confirmed")).toBe(true);
    const waitTimes = rows.slice(50).map((row) => row.waitlisted_at!.getTime());
    expect(waitTimes).toEqual([...waitTimes].sort((a, b) => a - b));
    // Another 300 at once from the same members change nothing: one registration each.
    await Promise.all(members.map((member) => registerForDialogue(dialogueId, { id: member.id, locale: "en" }, form, "http://agora.test")));
    expect((await getDb().selectFrom("dialogue_registration").select("id").where("dialogue_id", "=", dialogueId).execute()).length).toBe(300);
  });

  it("reminds confirmed registrants two days before, once, however often the job runs", async () => {
    const startsAt = new Date(Date.now() + 36 * 3_600_000);
    const dialogueId = await createTestDialogue({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3_600_000) });
    const members = await createTestMembers(2, "remind");
    const form = { intent: "register" as const, mode: "in_person" as const, organizationName: "Org", organizationKind: "ngo" as const, statement: "", accessibilityNeeds: "", listPublicly: false };
    for (const member of members) await registerForDialogue(dialogueId, { id: member.id, locale: "fr" }, form, "http://agora.test");
    const [first, second] = await Promise.all([sendDueReminders("http://agora.test"), sendDueReminders("http://agora.test")]);
    expect(await sendDueReminders("http://agora.test")).toBe(0);
    const reminders = await getDb().selectFrom("mail_outbox").select(["subject", "to_address"]).where("to_address", "in", members.map((member) => member.email)).where("kind", "=", "dialogue_reminder").execute();
    expect(reminders.length).toBe(2);
    expect(first! + second!).toBeGreaterThanOrEqual(2);
  });
});

describe("the thread", () => {
  it("lists a member's registrations on their account page and the next dialogues on a country's profile", async () => {
    // The soonest dialogue of all, so the profile's short list has it.
    const startsAt = new Date(Date.now() + 3_600_000);
    const dialogueId = await createTestDialogue({ title: JSON.stringify({ en: "Thread dialogue", fr: "Dialogue du fil" }), starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3_600_000) });
    const member = await signUpMember();
    expect(visibleText((await member.client.get("/account")).text)).toContain("You have not registered for any constructive dialogue.");
    await member.client.post(`/dialogues/${dialogueId}`, registration());
    const account = visibleText((await member.client.get("/account")).text);
    expect(account).toContain("Thread dialogue");
    expect(account).toMatch(/In person · Confirmed/);
    const country = visibleText((await anonymous.get("/countries/KEN")).text);
    expect(country).toContain("Upcoming constructive dialogues");
    expect(country).toContain("Thread dialogue");
  });
});

describe("the secretariat", () => {
  it("creates a dialogue through the form, opens it, and only the secretariat can", async () => {
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const fields = {
      locale: "en",
      title: "Dialogue made in a test",
      description: "Two paragraphs.\n\nOf text.",
      sessionCode: "wg-form-test",
      sessionTitle: "Form test session",
      timeZone: "America/New_York",
      startsAt: "2031-03-10T09:30",
      endsAt: "2031-03-10T12:00",
      format: "hybrid",
      venue: "UN Headquarters (test)",
      onlineUrl: "https://meet.example.org/form",
      capacityInPerson: "10",
      capacityOnline: "20",
      eligibleKinds: ["ngo", "academia"],
      courseSlug: "",
      courseRule: "",
    };
    const invalid = await secretariat.post("/admin/dialogues/new", { ...fields, timeZone: "Mars/Olympus", endsAt: "2031-03-10T08:00", onlineUrl: "javascript:alert(1)" });
    expect(invalid.status).toBe(400);
    const invalidText = visibleText(invalid.text);
    expect(invalidText).toContain("Enter a time zone such as Europe/Vienna");
    const created = await secretariat.post("/admin/dialogues/new", fields);
    expect(created.status).toBe(302);
    const id = Number(created.location!.match(/\/admin\/dialogues\/(\d+)/)![1]);
    const row = await getDb().selectFrom("dialogue").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    // 09:30 in New York in March 2031 (daylight saving time) is 13:30 UTC.
    expect(row.starts_at.toISOString()).toBe("2031-03-10T13:30:00.000Z");
    expect(row.state).toBe("draft");
    expect((await anonymous.get(`/dialogues/${id}`)).status).toBe(404);

    expect((await secretariat.post(`/admin/dialogues/${id}`, { intent: "state", state: "held" })).status).toBe(409);
    expect((await secretariat.post(`/admin/dialogues/${id}`, { intent: "state", state: "open" })).status).toBe(302);
    expect((await secretariat.post(`/admin/dialogues/${id}`, { intent: "add-topic", code: "multilingualism", clusters: "I", articles: "untoc:5, tip:3" })).status).toBe(302);
    const page = visibleText((await anonymous.get(`/dialogues/${id}`)).text);
    expect(page).toContain("Dialogue made in a test");
    expect(page).toContain("GMT-04:00");
    expect(page).toContain("Multilingualism");
    const audit = await getDb().selectFrom("audit_log").select("action").where("entity_type", "=", "dialogue").where("entity_id", "=", String(id)).execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(["dialogue.create", "dialogue.state", "dialogue.topic.add"]);

    const member = await signInAs(DEMO.member.email, DEMO.member.password);
    expect((await member.get("/admin/dialogues")).status).toBe(403);
    expect((await member.post(`/admin/dialogues/${id}`, { intent: "state", state: "closed" })).status).toBe(403);
    const facilitator = await signInAs(DEMO.facilitator.email, DEMO.facilitator.password);
    expect((await facilitator.get(`/admin/dialogues/${id}/registrations`)).status).toBe(403);
    expect((await new TestClient().get("/admin/dialogues")).status).toBe(302);
  });

  it("approves and declines with a reason, moves between modes, checks in at the door and exports safe CSV", async () => {
    const dialogueId = await createTestDialogue({ approval_required: true, capacity_in_person: 1, capacity_online: 5 });
    const alice = await signUpMember();
    const bob = await signUpMember();
    const carol = await signUpMember();
    await alice.client.post(`/dialogues/${dialogueId}`, registration({ organizationName: "=HYPERLINK(\"http://evil.example\")" }));
    await bob.client.post(`/dialogues/${dialogueId}`, registration());
    await carol.client.post(`/dialogues/${dialogueId}`, registration());
    expect((await registrationOf(dialogueId, alice.email))?.status).toBe("pending");
    expect((await lastMailTo(alice.email))?.subject).toMatch(/^Registration received/);

    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const [a, b, c] = await Promise.all([alice.email, bob.email, carol.email].map((email) => registrationOf(dialogueId, email)));
    expect((await secretariat.post(`/admin/dialogues/${dialogueId}/registrations`, { intent: "approve", ids: [String(a!.id), String(b!.id)] })).status).toBe(302);
    expect((await registrationOf(dialogueId, alice.email))?.status).toBe("confirmed");
    expect((await registrationOf(dialogueId, bob.email))?.status).toBe("waitlisted");

    const noReason = await secretariat.post(`/admin/dialogues/${dialogueId}/registrations`, { intent: "decline", ids: String(c!.id), reason: "" });
    expect(noReason.status).toBe(400);
    expect((await secretariat.post(`/admin/dialogues/${dialogueId}/registrations`, { intent: "decline", ids: String(c!.id), reason: "Seats are for organizations working in the region." })).status).toBe(302);
    expect((await registrationOf(dialogueId, carol.email))?.status).toBe("declined");
    expect((await lastMailTo(carol.email))?.text_body).toContain("Seats are for organizations working in the region.");
    expect(visibleText((await carol.client.get(`/dialogues/${dialogueId}`)).text)).toContain("Your registration was declined.");

    // Bob waits for the one in-person seat: moved online, where seats are free, he is confirmed.
    expect((await secretariat.post(`/admin/dialogues/${dialogueId}/registrations`, { intent: "move", ids: String(b!.id), mode: "online" })).status).toBe(302);
    expect(await registrationOf(dialogueId, bob.email)).toMatchObject({ status: "confirmed", mode: "online" });

    const unknown = await secretariat.post(`/admin/dialogues/${dialogueId}/registrations`, { intent: "check-in", code: "0000-0000" });
    expect(unknown.status).toBe(404);
    expect(visibleText(unknown.text)).toContain("No registration for this dialogue has this code.");
    const checkedIn = await secretariat.post(`/admin/dialogues/${dialogueId}/registrations`, { intent: "check-in", code: a!.check_in_code.replace("-", "").toLowerCase() });
    expect(checkedIn.status).toBe(302);
    expect((await registrationOf(dialogueId, alice.email))?.attended_at).not.toBeNull();

    // A forged id of another dialogue changes nothing.
    const other = await createTestDialogue();
    expect((await secretariat.post(`/admin/dialogues/${other}/registrations`, { intent: "attended", ids: String(b!.id) })).location).toMatch(/changed=0/);

    const csv = await secretariat.get(`/admin/dialogues/${dialogueId}/registrations.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.text).toContain(alice.email);
    const filtered = await secretariat.get(`/admin/dialogues/${dialogueId}/registrations?status=declined`);
    expect(visibleText(filtered.text)).toContain("1 registration");
    const audit = await getDb().selectFrom("audit_log").select("action").where("entity_type", "=", "dialogue").where("entity_id", "=", String(dialogueId)).execute();
    expect(new Set(audit.map((entry) => entry.action))).toEqual(new Set(["dialogue.registration.approve", "dialogue.registration.decline", "dialogue.registration.move", "dialogue.registration.check-in"]));
  });
});
