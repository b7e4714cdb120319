/**
 * Registration for constructive dialogues: seats per attendance mode, a waiting list per mode,
 * approval, cancellation and promotion.
 *
 * Every change that can move a seat first locks the dialogue's row (`lockDialogue`), so seat
 * decisions for one dialogue happen one at a time: a mode is never over capacity, and whoever
 * waits longest (priority first) gets the next seat. Registrations of other dialogues do not wait.
 */
import { randomBytes } from "node:crypto";
import { sql, type Selectable } from "kysely";
import type { AttendanceMode, DialogueTable, RegistrationStatus } from "../../../db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { getDb, type Executor } from "~/utils/db.server";
import type { RegistrationForm } from "./dialogues.schema.server";
import { composeRegistrationMail, queueRegistrationMail, sendQueuedMail, type QueuedMail, type RegistrationMailKind } from "./mail.server";
import { decideSeat } from "./seat-queue.server";
import { modesOf } from "./vocabulary";

export type RegistrationRefusal = "notOpen" | "notYetOpen" | "registrationClosed" | "ineligibleKind" | "courseRequired" | "modeNotOffered" | "declined";

export type RegistrationOutcome =
  | { ok: true; status: RegistrationStatus; repeated: boolean }
  | { ok: false; reason: RegistrationRefusal };

type LockedDialogue = Pick<
  Selectable<DialogueTable>,
  "state" | "format" | "capacity_in_person" | "capacity_online" | "registration_opens_at" | "registration_closes_at" | "starts_at" | "approval_required" | "eligible_kinds" | "course_slug" | "course_rule"
> & { id: number };

// Crockford's base32: no I, L, O or U, so a code read aloud at the door is hard to get wrong.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function generateCheckInCode(): string {
  const chars = [...randomBytes(8)].map((byte) => CODE_ALPHABET[byte % 32]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** What decides who may register and for which seat. */
const SEAT_COLUMNS = [
  "state",
  "format",
  "capacity_in_person",
  "capacity_online",
  "registration_opens_at",
  "registration_closes_at",
  "starts_at",
  "approval_required",
  "eligible_kinds",
  "course_slug",
  "course_rule",
] as const;

/** Locks the dialogue's row until the transaction ends; null when there is no such dialogue. */
async function lockDialogue(trx: Executor, dialogueId: number): Promise<LockedDialogue | null> {
  const row = await trx
    .selectFrom("dialogue")
    .select(["id", ...SEAT_COLUMNS])
    .where("id", "=", dialogueId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export function capacityOf(dialogue: Pick<LockedDialogue, "capacity_in_person" | "capacity_online">, mode: AttendanceMode) {
  return mode === "in_person" ? dialogue.capacity_in_person : dialogue.capacity_online;
}

/**
 * Gives free seats of a mode to the head of its waiting list (priority first, then the longest
 * waiting). Call with the dialogue locked. Returns the ids promoted.
 */
async function fillSeats(trx: Executor, dialogue: LockedDialogue, mode: AttendanceMode): Promise<number[]> {
  const { confirmed } = await trx
    .selectFrom("dialogue_registration")
    .select((eb) => eb.fn.countAll<number>().as("confirmed"))
    .where("dialogue_id", "=", dialogue.id)
    .where("mode", "=", mode)
    .where("status", "=", "confirmed")
    .executeTakeFirstOrThrow();
  const free = capacityOf(dialogue, mode) - Number(confirmed);
  if (free <= 0) return [];
  const promoted = await trx
    .updateTable("dialogue_registration")
    .set({ status: "confirmed", waitlisted_at: null, updated_at: new Date() })
    .where(
      "id",
      "in",
      trx
        .selectFrom("dialogue_registration")
        .select("id")
        .where("dialogue_id", "=", dialogue.id)
        .where("mode", "=", mode)
        .where("status", "=", "waitlisted")
        .orderBy("priority", "desc")
        .orderBy("waitlisted_at")
        .orderBy("id")
        .limit(free),
    )
    .returning("id")
    .execute();
  return promoted.map((row) => row.id);
}

async function holdsCertificate(trx: Executor, userId: string, courseSlug: string) {
  const row = await trx.selectFrom("certificate").select("code").where("user_id", "=", userId).where("course_slug", "=", courseSlug).executeTakeFirst();
  return !!row;
}

function refusalFor(dialogue: Omit<LockedDialogue, "id">, now: Date): RegistrationRefusal | null {
  if (dialogue.state !== "open" || dialogue.starts_at <= now) return dialogue.state === "open" ? "registrationClosed" : "notOpen";
  if (dialogue.registration_opens_at && now < dialogue.registration_opens_at) return "notYetOpen";
  if (dialogue.registration_closes_at && now >= dialogue.registration_closes_at) return "registrationClosed";
  return null;
}

/**
 * Registers a member: confirmed when a seat of the mode is free and nobody waits for it, pending
 * when the dialogue needs approval, else waitlisted. A second submission returns the first
 * registration unchanged. Draft or unknown dialogues resolve to null (404).
 *
 * Everything that does not depend on the seats (eligibility, the e-mails' text) is done first,
 * without a lock; the seat itself is decided in ./seat-queue.server.ts under the dialogue's lock.
 */
export async function registerForDialogue(
  dialogueId: number,
  member: { id: string; locale: string },
  form: RegistrationForm,
  origin: string,
): Promise<RegistrationOutcome | null> {
  const db = getDb();
  const [dialogue, existing, profile] = await Promise.all([
    db.selectFrom("dialogue").select(dialogueColumns).where("id", "=", dialogueId).executeTakeFirst(),
    db.selectFrom("dialogue_registration").select(["id", "status"]).where("dialogue_id", "=", dialogueId).where("user_id", "=", member.id).executeTakeFirst(),
    db.selectFrom("app_user").select(["email", "display_name", "country_code"]).where("id", "=", member.id).executeTakeFirstOrThrow(),
  ]);
  if (!dialogue || dialogue.state === "draft") return null;
  if (existing?.status === "declined") return { ok: false, reason: "declined" };
  if (existing && existing.status !== "cancelled") return { ok: true, status: existing.status, repeated: true };
  const refusal = eligibilityRefusal(dialogue, form, new Date());
  if (refusal) return { ok: false, reason: refusal };
  const certified = dialogue.course_slug ? await holdsCertificate(db, member.id, dialogue.course_slug) : false;
  if (dialogue.course_rule === "required" && !certified) return { ok: false, reason: "courseRequired" };

  const checkInCode = generateCheckInCode();
  const mailData = { ...dialogue, ...profile, dialogue_id: dialogueId, mode: form.mode, locale: member.locale, check_in_code: checkInCode, decision_reason: "" };
  // Only the outcomes this dialogue can give: pending when it needs approval, else a seat or the list.
  const outcomes = dialogue.approval_required ? (["pending"] as const) : (["confirmed", "waitlisted"] as const);
  const mails = Object.fromEntries(await Promise.all(outcomes.map(async (kind) => [kind, await composeRegistrationMail(mailData, kind, origin)] as const)));
  const { decision, mail } = await decideSeat(dialogueId, {
    userId: member.id,
    mode: form.mode,
    cancelledId: existing?.status === "cancelled" ? existing.id : null,
    row: {
      priority: dialogue.course_rule === "priority" && certified,
      organization_name: form.organizationName,
      organization_kind: form.organizationKind,
      country_code: profile.country_code,
      statement: form.statement,
      accessibility_needs: form.accessibilityNeeds,
      list_publicly: form.listPublicly,
      locale: member.locale,
      check_in_code: checkInCode,
    },
    mails,
    // The dialogue may have been closed, or its seats changed, since it was read above.
    stillOpen: (locked) => locked.state === "open" && locked.approval_required === dialogue.approval_required && !eligibilityRefusal({ ...dialogue, ...locked, state: "open" }, form, new Date()),
  });
  await sendQueuedMail([mail]);
  if ("closed" in decision) return { ok: false, reason: "registrationClosed" };
  return { ok: true, ...decision };
}

/** What registering reads of a dialogue: its rules and what its e-mails say. */
const dialogueColumns = [
  ...SEAT_COLUMNS,
  "ends_at",
  "title",
  "time_zone",
  "venue",
  "online_url",
] as const;

/** Why this form cannot register for this dialogue now (course certificates are checked apart). */
function eligibilityRefusal(dialogue: Omit<LockedDialogue, "id">, form: RegistrationForm, now: Date): RegistrationRefusal | null {
  const refusal = refusalFor(dialogue, now);
  if (refusal) return refusal;
  if (!modesOf(dialogue.format).includes(form.mode) || capacityOf(dialogue, form.mode) === 0) return "modeNotOffered";
  if (!dialogue.eligible_kinds.includes(form.organizationKind)) return "ineligibleKind";
  return null;
}

/**
 * Runs `work` in a transaction with the dialogue's row locked (null when there is no such
 * dialogue), then hands the e-mails it queued to delivery after commit.
 */
async function withLockedDialogue<T>(dialogueId: number, work: (trx: Executor, dialogue: LockedDialogue, mails: QueuedMail[]) => Promise<T>): Promise<T | null> {
  const mails: QueuedMail[] = [];
  const result = await getDb()
    .transaction()
    .execute(async (trx) => {
      const dialogue = await lockDialogue(trx, dialogueId);
      return dialogue ? work(trx, dialogue, mails) : null;
    });
  await sendQueuedMail(mails);
  return result;
}

/** A member cancels their own registration; a seat it held goes to the head of the waiting list. */
export async function cancelRegistration(dialogueId: number, userId: string, origin: string): Promise<boolean> {
  const cancelled = await withLockedDialogue(dialogueId, async (trx, dialogue, mails) => {
    const registration = await trx
      .updateTable("dialogue_registration")
      .set({ status: "cancelled", waitlisted_at: null, updated_at: new Date() })
      .where("dialogue_id", "=", dialogueId)
      .where("user_id", "=", userId)
      .where("status", "in", ["pending", "confirmed", "waitlisted"])
      .returning(["id", "mode"])
      .executeTakeFirst();
    if (!registration) return false;
    mails.push(await queueRegistrationMail(trx, registration.id, "cancelled", origin));
    for (const id of await fillSeats(trx, dialogue, registration.mode)) mails.push(await queueRegistrationMail(trx, id, "promoted", origin));
    return true;
  });
  return cancelled ?? false;
}

export type StaffAction =
  | { intent: "approve"; ids: number[] }
  | { intent: "decline"; ids: number[]; reason: string }
  | { intent: "move"; ids: number[]; mode: AttendanceMode }
  | { intent: "attended"; ids: number[] };

/**
 * The secretariat's decisions on registrations of one dialogue, applied together in one
 * transaction and audit-logged. Ids of other dialogues are ignored. Returns how many changed.
 */
export async function applyStaffAction(dialogueId: number, action: StaffAction, actorId: string, origin: string): Promise<number | null> {
  return withLockedDialogue(dialogueId, async (trx, dialogue, mails) => {
    const targets = await trx
      .selectFrom("dialogue_registration")
      .select(["id", "mode", "status"])
      .where("dialogue_id", "=", dialogueId)
      .where("id", "in", action.ids)
      .orderBy("id")
      .execute();
    const now = new Date();
    let ids: number[] = [];
    const freedModes = new Set<AttendanceMode>();
    const mailFor = new Map<number, RegistrationMailKind>();
    if (action.intent === "approve") {
      ids = targets.filter((target) => target.status === "pending").map((target) => target.id);
      if (ids.length) {
        // Approved registrations join the waiting list in the order they registered, then take free seats.
        await trx
          .updateTable("dialogue_registration")
          .set({ status: "waitlisted", waitlisted_at: sql<Date>`created_at`, decision_reason: "", updated_at: now })
          .where("id", "in", ids)
          .execute();
        for (const target of targets.filter((item) => ids.includes(item.id))) freedModes.add(target.mode);
        for (const id of ids) mailFor.set(id, "waitlisted");
      }
    } else if (action.intent === "decline") {
      const declinable = targets.filter((target) => target.status === "pending" || target.status === "confirmed" || target.status === "waitlisted");
      ids = declinable.map((target) => target.id);
      if (ids.length) {
        await trx
          .updateTable("dialogue_registration")
          .set({ status: "declined", waitlisted_at: null, decision_reason: action.reason, updated_at: now })
          .where("id", "in", ids)
          .execute();
        for (const target of declinable) if (target.status === "confirmed") freedModes.add(target.mode);
        for (const id of ids) mailFor.set(id, "declined");
      }
    } else if (action.intent === "move") {
      if (!modesOf(dialogue.format).includes(action.mode) || capacityOf(dialogue, action.mode) === 0) return 0;
      const movable = targets.filter((target) => target.mode !== action.mode && target.status !== "declined" && target.status !== "cancelled");
      ids = movable.map((target) => target.id);
      if (ids.length) {
        const live = movable.filter((target) => target.status !== "pending").map((target) => target.id);
        // A moved registration queues for the new mode; it keeps its seat only if one is free there.
        await trx.updateTable("dialogue_registration").set({ mode: action.mode, updated_at: now }).where("id", "in", ids).execute();
        if (live.length) await trx.updateTable("dialogue_registration").set({ status: "waitlisted", waitlisted_at: now }).where("id", "in", live).execute();
        for (const target of movable) if (target.status === "confirmed") freedModes.add(target.mode);
        freedModes.add(action.mode);
        for (const id of live) mailFor.set(id, "waitlisted");
      }
    } else {
      const attended = await trx
        .updateTable("dialogue_registration")
        .set({ attended_at: now, updated_at: now })
        .where("dialogue_id", "=", dialogueId)
        .where("id", "in", action.ids)
        .where("status", "=", "confirmed")
        .where("attended_at", "is", null)
        .returning("id")
        .execute();
      ids = attended.map((row) => row.id);
    }
    for (const mode of freedModes) {
      for (const id of await fillSeats(trx, dialogue, mode)) mailFor.set(id, ids.includes(id) ? "confirmed" : "promoted");
    }
    for (const [id, kind] of mailFor) {
      const mail = await queueRegistrationMail(trx, id, kind, origin);
      mails.push(mail);
    }
    if (ids.length) {
      await recordAudit(trx, {
        actorId,
        action: `dialogue.registration.${action.intent}`,
        entityType: "dialogue",
        entityId: String(dialogueId),
        details: { ids, ...(action.intent === "move" ? { mode: action.mode } : {}), ...(action.intent === "decline" ? { reason: action.reason } : {}) },
      });
    }
    return ids.length;
  });
}

export type CheckInOutcome = { ok: true; organization: string; alreadyIn: boolean } | { ok: false; reason: "unknownCode" | "notConfirmed" };

/** Checks a registrant in at the door by the code on their confirmation. */
export async function checkIn(dialogueId: number, rawCode: string, actorId: string): Promise<CheckInOutcome> {
  const code = rawCode.includes("-") ? rawCode : `${rawCode.slice(0, 4)}-${rawCode.slice(4)}`;
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const registration = await trx
        .selectFrom("dialogue_registration")
        .select(["id", "status", "attended_at", "organization_name"])
        .where("dialogue_id", "=", dialogueId)
        .where("check_in_code", "=", code)
        .forUpdate()
        .executeTakeFirst();
      if (!registration) return { ok: false, reason: "unknownCode" } as const;
      if (registration.status !== "confirmed") return { ok: false, reason: "notConfirmed" } as const;
      if (registration.attended_at) return { ok: true, organization: registration.organization_name, alreadyIn: true } as const;
      await trx.updateTable("dialogue_registration").set({ attended_at: new Date(), updated_at: new Date() }).where("id", "=", registration.id).execute();
      await recordAudit(trx, { actorId, action: "dialogue.registration.check-in", entityType: "dialogue", entityId: String(dialogueId), details: { id: registration.id } });
      return { ok: true, organization: registration.organization_name, alreadyIn: false } as const;
    });
}

/** After the secretariat raises a capacity: waiting registrants take the new seats. */
export async function fillAllSeats(trx: Executor, dialogueId: number, origin: string): Promise<QueuedMail[]> {
  const dialogue = await lockDialogue(trx, dialogueId);
  if (!dialogue) return [];
  const mails: QueuedMail[] = [];
  for (const mode of modesOf(dialogue.format)) {
    for (const id of await fillSeats(trx, dialogue, mode)) mails.push(await queueRegistrationMail(trx, id, "promoted", origin));
  }
  return mails;
}

/**
 * Sends the reminder two days before each dialogue to its confirmed registrants, once each:
 * the update claims the rows, so two workers running together cannot both send one.
 */
export async function sendDueReminders(origin: string, now = new Date()): Promise<number> {
  const mails: QueuedMail[] = [];
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const claimed = await trx
        .updateTable("dialogue_registration")
        .set({ reminder_sent_at: now })
        .where("status", "=", "confirmed")
        .where("reminder_sent_at", "is", null)
        .where("dialogue_id", "in", (eb) =>
          eb
            .selectFrom("dialogue")
            .select("id")
            .where("state", "in", ["open", "closed"])
            .where("starts_at", ">", now)
            .where("starts_at", "<=", new Date(now.getTime() + 48 * 3600_000)),
        )
        .returning("id")
        .execute();
      for (const { id } of claimed) mails.push(await queueRegistrationMail(trx, id, "reminder", origin));
    });
  await sendQueuedMail(mails);
  return mails.length;
}
