/**
 * The secretariat's side of dialogues: creating and editing them (one language's title and
 * description at a time), their agenda, facilitators and state, and the registrant list.
 * Every change is audit-logged in its own transaction.
 */
import { sql } from "kysely";
import type { DialogueState, OrganizationKind } from "../../../db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyDialogueFollowers } from "~/modules/hub/follows.server";
import { listCourses } from "~/modules/courses/lessons.server";
import { getDb } from "~/utils/db.server";
import { formatTimeRangeInZone, toLocalInputValue } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { pickLocalized, type LocalizedText } from "~/utils/format";
import type { DialogueForm, RegistrantQuery } from "./dialogues.schema.server";
import { sendQueuedMail } from "./mail.server";
import { fillAllSeats } from "./registration.server";
import { isStandardTopic, modesOf } from "./vocabulary";

/** Which state may follow which: a summary is published from the summary page, not here. */
export const STATE_CHANGES: Record<DialogueState, DialogueState[]> = {
  draft: ["open"],
  open: ["closed", "draft"],
  closed: ["open", "held"],
  held: ["closed"],
  summary_published: [],
};

function sharedValues(form: DialogueForm) {
  return {
    session_code: form.sessionCode,
    starts_at: form.startsAt,
    ends_at: form.endsAt,
    time_zone: form.timeZone,
    format: form.format,
    venue: form.venue,
    online_url: form.onlineUrl,
    capacity_in_person: form.capacityInPerson,
    capacity_online: form.capacityOnline,
    registration_opens_at: form.registrationOpensAt,
    registration_closes_at: form.registrationClosesAt,
    approval_required: form.approvalRequired,
    eligible_kinds: form.eligibleKinds,
    course_slug: form.courseSlug,
    course_rule: form.courseRule,
  };
}

const withText = (existing: LocalizedText, locale: Locale, value: string) => JSON.stringify({ ...existing, [locale]: value });

/** Creates a dialogue as a draft; returns its id. */
export async function createDialogue(form: DialogueForm, actorId: string): Promise<number> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("dialogue")
        .values({
          ...sharedValues(form),
          title: withText({}, form.locale, form.title),
          description: withText({}, form.locale, form.description),
          session_title: withText({}, form.locale, form.sessionTitle),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorId, action: "dialogue.create", entityType: "dialogue", entityId: String(id), details: { locale: form.locale, title: form.title } });
      return id;
    });
}

/**
 * Updates the shared fields and one language's texts. A raised capacity gives its new seats to
 * the waiting list at once (they are told by e-mail). False when there is no such dialogue.
 */
export async function updateDialogue(dialogueId: number, form: DialogueForm, actorId: string, origin: string): Promise<boolean> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      const existing = await trx.selectFrom("dialogue").select(["title", "description", "session_title", "starts_at", "ends_at", "state"]).where("id", "=", dialogueId).forUpdate().executeTakeFirst();
      if (!existing) return null;
      await trx
        .updateTable("dialogue")
        .set({
          ...sharedValues(form),
          title: withText(existing.title, form.locale, form.title),
          description: withText(existing.description, form.locale, form.description),
          session_title: withText(existing.session_title, form.locale, form.sessionTitle),
          updated_at: new Date(),
        })
        .where("id", "=", dialogueId)
        .execute();
      const mails = await fillAllSeats(trx, dialogueId, origin);
      // Followers hear of new times (not of a draft, which they cannot follow yet).
      const rescheduled = existing.starts_at.getTime() !== new Date(form.startsAt).getTime() || existing.ends_at.getTime() !== new Date(form.endsAt).getTime();
      if (rescheduled && existing.state !== "draft") await notifyDialogueFollowers(trx, dialogueId, "rescheduled");
      await recordAudit(trx, { actorId, action: "dialogue.update", entityType: "dialogue", entityId: String(dialogueId), details: { locale: form.locale, ...sharedValues(form) } });
      return mails;
    });
  if (!outcome) return false;
  await sendQueuedMail(outcome);
  return true;
}

export type StateChangeOutcome = "changed" | "notAllowed" | "notFound";

export async function changeDialogueState(dialogueId: number, state: DialogueState, actorId: string): Promise<StateChangeOutcome> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const dialogue = await trx.selectFrom("dialogue").select("state").where("id", "=", dialogueId).forUpdate().executeTakeFirst();
      if (!dialogue) return "notFound";
      if (!STATE_CHANGES[dialogue.state].includes(state)) return "notAllowed";
      await trx.updateTable("dialogue").set({ state, updated_at: new Date() }).where("id", "=", dialogueId).execute();
      await recordAudit(trx, { actorId, action: "dialogue.state", entityType: "dialogue", entityId: String(dialogueId), details: { from: dialogue.state, to: state } });
      if (state === "open") await notifyDialogueFollowers(trx, dialogueId, "registration_opened");
      return "changed";
    });
}

/** Adds an agenda topic (a standard one by its code, or one of the dialogue's own with a title). */
export async function addTopic(
  dialogueId: number,
  topic: { code: string; title: string; clusters: string[]; articles: string[]; locale: Locale },
  actorId: string,
): Promise<"added" | "titleNeeded" | "exists" | "notFound"> {
  if (!isStandardTopic(topic.code) && !topic.title) return "titleNeeded";
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const dialogue = await trx.selectFrom("dialogue").select("id").where("id", "=", dialogueId).forUpdate().executeTakeFirst();
      if (!dialogue) return "notFound";
      const { next } = await trx
        .selectFrom("dialogue_topic")
        .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
        .where("dialogue_id", "=", dialogueId)
        .executeTakeFirstOrThrow();
      const inserted = await trx
        .insertInto("dialogue_topic")
        .values({
          dialogue_id: dialogueId,
          code: topic.code,
          position: Number(next),
          title: JSON.stringify(topic.title ? { [topic.locale]: topic.title } : {}),
          clusters: topic.clusters,
          articles: topic.articles,
        })
        .onConflict((conflict) => conflict.columns(["dialogue_id", "code"]).doNothing())
        .returning("code")
        .executeTakeFirst();
      if (!inserted) return "exists";
      await recordAudit(trx, { actorId, action: "dialogue.topic.add", entityType: "dialogue", entityId: String(dialogueId), details: topic });
      return "added";
    });
}

export async function removeTopic(dialogueId: number, code: string, actorId: string) {
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const removed = await trx.deleteFrom("dialogue_topic").where("dialogue_id", "=", dialogueId).where("code", "=", code).returning("code").executeTakeFirst();
      if (removed) await recordAudit(trx, { actorId, action: "dialogue.topic.remove", entityType: "dialogue", entityId: String(dialogueId), details: { code } });
    });
}

/** Assigns or removes a facilitator; only accounts with the facilitator role can be assigned. */
export async function setFacilitator(dialogueId: number, userId: string, assigned: boolean, actorId: string): Promise<boolean> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const dialogue = await trx.selectFrom("dialogue").select("id").where("id", "=", dialogueId).executeTakeFirst();
      if (!dialogue) return false;
      if (assigned) {
        const user = await trx.selectFrom("app_user").select("id").where("id", "=", userId).where("role", "=", "facilitator").executeTakeFirst();
        if (!user) return false;
        await trx.insertInto("dialogue_facilitator").values({ dialogue_id: dialogueId, user_id: userId }).onConflict((conflict) => conflict.doNothing()).execute();
      } else {
        await trx.deleteFrom("dialogue_facilitator").where("dialogue_id", "=", dialogueId).where("user_id", "=", userId).execute();
      }
      await recordAudit(trx, { actorId, action: assigned ? "dialogue.facilitator.add" : "dialogue.facilitator.remove", entityType: "dialogue", entityId: String(dialogueId), details: { userId } });
      return true;
    });
}

/** The courses a dialogue can name for eligibility or priority. */
export async function listCourseChoices(locale: Locale) {
  return (await listCourses(locale)).map((course) => ({ slug: course.slug, title: course.title }));
}

/** Every dialogue with its registration counts, newest first. */
export async function listDialoguesForAdmin(locale: Locale) {
  const rows = await getDb()
    .selectFrom("dialogue as d")
    .leftJoin("dialogue_registration as r", "r.dialogue_id", "d.id")
    .select([
      "d.id",
      "d.title",
      "d.starts_at",
      "d.ends_at",
      "d.time_zone",
      "d.state",
      "d.format",
      sql<number>`count(r.id) filter (where r.status = 'confirmed')`.as("confirmed"),
      sql<number>`count(r.id) filter (where r.status = 'waitlisted')`.as("waitlisted"),
      sql<number>`count(r.id) filter (where r.status = 'pending')`.as("pending"),
    ])
    .groupBy("d.id")
    .orderBy("d.starts_at", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: pickLocalized(row.title, locale),
    when: formatTimeRangeInZone(row.starts_at, row.ends_at, locale, row.time_zone),
    state: row.state,
    format: row.format,
    confirmed: Number(row.confirmed),
    waitlisted: Number(row.waitlisted),
    pending: Number(row.pending),
  }));
}

/** The edit page: form values in one language, agenda, facilitators and who could be assigned. */
export async function getDialogueEditorView(dialogueId: number, locale: Locale, edition: Locale = locale) {
  const dialogue = await getDb().selectFrom("dialogue").selectAll().where("id", "=", dialogueId).executeTakeFirst();
  if (!dialogue) return null;
  const [topics, facilitators, candidates] = await Promise.all([
    getDb().selectFrom("dialogue_topic").selectAll().where("dialogue_id", "=", dialogueId).orderBy("position").execute(),
    getDb()
      .selectFrom("dialogue_facilitator as f")
      .innerJoin("app_user as u", "u.id", "f.user_id")
      .select(["u.id", "u.display_name"])
      .where("f.dialogue_id", "=", dialogueId)
      .orderBy("u.display_name")
      .execute(),
    getDb().selectFrom("app_user").select(["id", "display_name"]).where("role", "=", "facilitator").orderBy("display_name").limit(500).execute(),
  ]);
  const zone = dialogue.time_zone;
  return {
    id: dialogue.id,
    state: dialogue.state,
    nextStates: STATE_CHANGES[dialogue.state],
    title: pickLocalized(dialogue.title, locale),
    translated: Object.keys(dialogue.title),
    courses: await listCourseChoices(locale),
    values: {
      locale: edition,
      title: dialogue.title[edition] ?? "",
      description: dialogue.description[edition] ?? "",
      sessionCode: dialogue.session_code,
      sessionTitle: dialogue.session_title[edition] ?? "",
      timeZone: zone,
      startsAt: toLocalInputValue(dialogue.starts_at, zone),
      endsAt: toLocalInputValue(dialogue.ends_at, zone),
      format: dialogue.format,
      venue: dialogue.venue,
      onlineUrl: dialogue.online_url ?? "",
      capacityInPerson: String(dialogue.capacity_in_person),
      capacityOnline: String(dialogue.capacity_online),
      registrationOpensAt: toLocalInputValue(dialogue.registration_opens_at, zone),
      registrationClosesAt: toLocalInputValue(dialogue.registration_closes_at, zone),
      approvalRequired: dialogue.approval_required ? "on" : "",
      eligibleKinds: dialogue.eligible_kinds.join(","),
      courseSlug: dialogue.course_slug ?? "",
      courseRule: dialogue.course_rule ?? "",
    } as Record<string, string>,
    topics: topics.map((topic) => ({ code: topic.code, standard: isStandardTopic(topic.code), title: pickLocalized(topic.title, locale), clusters: topic.clusters, articles: topic.articles })),
    facilitators: facilitators.map((row) => ({ id: row.id, name: row.display_name })),
    candidates: candidates.filter((candidate) => !facilitators.some((row) => row.id === candidate.id)).map((row) => ({ id: row.id, name: row.display_name })),
  };
}

/** The registrant list of one dialogue with the secretariat's filters (contact data: staff only). */
export async function listRegistrants(dialogueId: number, query: RegistrantQuery, limit = 2_000) {
  let select = getDb()
    .selectFrom("dialogue_registration as r")
    .leftJoin("app_user as u", "u.id", "r.user_id")
    .select([
      "r.id",
      "r.mode",
      "r.status",
      "r.priority",
      "r.waitlisted_at",
      "r.organization_name",
      "r.organization_kind",
      "r.country_code",
      "r.statement",
      "r.accessibility_needs",
      "r.list_publicly",
      "r.check_in_code",
      "r.attended_at",
      "r.decision_reason",
      "r.created_at",
      "u.display_name",
      "u.email",
    ])
    .where("r.dialogue_id", "=", dialogueId);
  if (query.status === "attended") select = select.where("r.attended_at", "is not", null);
  else if (query.status) select = select.where("r.status", "=", query.status);
  if (query.mode) select = select.where("r.mode", "=", query.mode);
  if (query.kind) select = select.where("r.organization_kind", "=", query.kind as OrganizationKind);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    select = select.where((eb) => eb.or([eb("r.organization_name", "ilike", pattern), eb("u.display_name", "ilike", pattern), eb("u.email", "ilike", pattern)]));
  }
  const rows = await select.orderBy("r.status").orderBy("r.priority", "desc").orderBy("r.waitlisted_at").orderBy("r.id").limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.display_name ?? "",
    email: row.email ?? "",
    organization: row.organization_name,
    kind: row.organization_kind,
    country: row.country_code ?? "",
    mode: row.mode,
    status: row.status,
    priority: row.priority,
    statement: row.statement,
    accessibilityNeeds: row.accessibility_needs,
    listPublicly: row.list_publicly,
    checkInCode: row.check_in_code,
    attended: !!row.attended_at,
    reason: row.decision_reason,
    registeredAt: row.created_at.toISOString(),
  }));
}
export type Registrant = Awaited<ReturnType<typeof listRegistrants>>[number];

/** The registrant page: the dialogue's title and modes, and its registrants as filtered. */
export async function getRegistrantsView(dialogueId: number, query: RegistrantQuery, locale: Locale) {
  const dialogue = await getDb().selectFrom("dialogue").select(["id", "title", "format"]).where("id", "=", dialogueId).executeTakeFirst();
  if (!dialogue) return null;
  const registrants = await listRegistrants(dialogueId, query);
  return { id: dialogue.id, title: pickLocalized(dialogue.title, locale), modes: modesOf(dialogue.format), registrants, query };
}
