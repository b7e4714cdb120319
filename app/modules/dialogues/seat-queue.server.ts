/**
 * Seat decisions for new registrations, taken in batches per dialogue.
 *
 * Every decision needs the dialogue's row lock, so decisions for one dialogue happen one after
 * another whatever we do. Taken one transaction each, 500 members registering at once would
 * queue 500 transactions on that lock, and while they wait they hold every connection of the
 * pool, so even the session checks of other requests wait. Instead, each process keeps one queue
 * per dialogue: whatever arrived while a decision was being written is decided together in the
 * next transaction (lock, one count, one insert, the e-mails, commit). Several app processes
 * stay correct through the row lock; the queue only saves round trips inside one.
 */
import type { AttendanceMode, RegistrationStatus } from "../../../db/schema";
import { queueMails, type OutgoingMail } from "~/modules/mail/mail.server";
import { getDb, type Executor } from "~/utils/db.server";
import type { QueuedMail } from "./mail.server";

/** A registration that passed every check that does not depend on seats, with its e-mails written. */
export type SeatCandidate = {
  userId: string;
  mode: AttendanceMode;
  /** The member's cancelled registration of this dialogue, taken up again. */
  cancelledId: number | null;
  row: {
    priority: boolean;
    organization_name: string;
    organization_kind: "ngo" | "academia" | "private_sector" | "igo" | "government" | "other";
    country_code: string | null;
    statement: string;
    accessibility_needs: string;
    list_publicly: boolean;
    locale: string;
    check_in_code: string;
  };
  /** The e-mail for each outcome the dialogue can give (stillOpen refuses a change of approval rule). */
  mails: Partial<Record<"confirmed" | "waitlisted" | "pending", OutgoingMail>>;
  /** Re-checks the locked dialogue: false when it closed (or changed) since the checks. */
  stillOpen: (dialogue: LockedSeats) => boolean;
};

export type LockedSeats = {
  state: string;
  approval_required: boolean;
  capacity_in_person: number;
  capacity_online: number;
};

export type SeatDecision = { status: RegistrationStatus; repeated: boolean } | { closed: true };

type Waiting = { candidate: SeatCandidate; resolve: (decision: { decision: SeatDecision; mail: QueuedMail }) => void; reject: (error: unknown) => void };
type DialogueQueue = { waiting: Waiting[]; running: boolean };

const MAX_BATCH = 200;
const queues = new Map<number, DialogueQueue>();

/** Queues a candidate for a seat decision; resolves once its transaction has committed. */
export function decideSeat(dialogueId: number, candidate: SeatCandidate) {
  return new Promise<{ decision: SeatDecision; mail: QueuedMail }>((resolve, reject) => {
    let queue = queues.get(dialogueId);
    if (!queue) queues.set(dialogueId, (queue = { waiting: [], running: false }));
    queue.waiting.push({ candidate, resolve, reject });
    if (!queue.running) void drain(dialogueId, queue);
  });
}

async function drain(dialogueId: number, queue: DialogueQueue) {
  queue.running = true;
  try {
    while (queue.waiting.length) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      try {
        const results = await getDb()
          .transaction()
          .execute((trx) => decideBatch(trx, dialogueId, batch.map((item) => item.candidate)));
        batch.forEach((item, index) => item.resolve(results[index]!));
      } catch (error) {
        // One bad candidate (say, the same member registering through another process at that
        // moment) must not fail the others: decide them one by one.
        if (batch.length === 1) batch[0]!.reject(error);
        else await decideOneByOne(dialogueId, batch);
      }
    }
  } finally {
    queue.running = false;
    if (queue.waiting.length === 0) queues.delete(dialogueId);
  }
}

async function decideOneByOne(dialogueId: number, batch: Waiting[]) {
  for (const item of batch) {
    try {
      const [result] = await getDb()
        .transaction()
        .execute((trx) => decideBatch(trx, dialogueId, [item.candidate]));
      item.resolve(result!);
    } catch (error) {
      item.reject(error);
    }
  }
}

/**
 * Decides a batch in arrival order, under the dialogue's row lock: a mode's seats are free only
 * while nobody waits for it (freed seats are handed on at once), so each newcomer takes a free
 * seat or joins the end of the waiting list. A member already registered keeps that registration.
 */
async function decideBatch(trx: Executor, dialogueId: number, candidates: SeatCandidate[]) {
  const dialogue = await trx
    .selectFrom("dialogue")
    .select(["state", "approval_required", "capacity_in_person", "capacity_online"])
    .where("id", "=", dialogueId)
    .forUpdate()
    .executeTakeFirst();
  const [taken, existing] = await Promise.all([
    trx
      .selectFrom("dialogue_registration")
      .select(["mode", (eb) => eb.fn.countAll<number>().as("count")])
      .where("dialogue_id", "=", dialogueId)
      .where("status", "in", ["confirmed", "waitlisted"])
      .groupBy("mode")
      .execute(),
    trx
      .selectFrom("dialogue_registration")
      .select(["user_id", "status"])
      .where("dialogue_id", "=", dialogueId)
      .where(
        "user_id",
        "in",
        candidates.map((candidate) => candidate.userId),
      )
      .where("status", "!=", "cancelled")
      .execute(),
  ]);
  const live = new Map(existing.map((row) => [row.user_id!, row.status]));
  const used: Record<AttendanceMode, number> = {
    in_person: Number(taken.find((row) => row.mode === "in_person")?.count ?? 0),
    online: Number(taken.find((row) => row.mode === "online")?.count ?? 0),
  };
  const now = new Date();
  const decisions: SeatDecision[] = [];
  const inserts: Array<SeatCandidate & { status: RegistrationStatus }> = [];
  const mails: Array<OutgoingMail | null> = [];
  for (const candidate of candidates) {
    const already = live.get(candidate.userId);
    if (already) {
      decisions.push({ status: already, repeated: true });
      mails.push(null);
      continue;
    }
    if (!dialogue || !candidate.stillOpen(dialogue)) {
      decisions.push({ closed: true });
      mails.push(null);
      continue;
    }
    const capacity = candidate.mode === "in_person" ? dialogue.capacity_in_person : dialogue.capacity_online;
    const status: RegistrationStatus = dialogue.approval_required ? "pending" : used[candidate.mode] < capacity ? "confirmed" : "waitlisted";
    if (status !== "pending") used[candidate.mode]++;
    live.set(candidate.userId, status);
    inserts.push({ ...candidate, status });
    decisions.push({ status, repeated: false });
    mails.push(candidate.mails[status as "confirmed" | "waitlisted" | "pending"] ?? null);
  }

  const fresh = inserts.filter((item) => item.cancelledId === null);
  if (fresh.length) {
    await trx
      .insertInto("dialogue_registration")
      .values(
        fresh.map((item) => ({
          ...item.row,
          dialogue_id: dialogueId,
          user_id: item.userId,
          mode: item.mode,
          status: item.status,
          // One instant for the batch: ties on the waiting list go by id, which follows arrival.
          waitlisted_at: item.status === "waitlisted" ? now : null,
        })),
      )
      .execute();
  }
  for (const item of inserts.filter((entry) => entry.cancelledId !== null)) {
    await trx
      .updateTable("dialogue_registration")
      .set({ ...item.row, mode: item.mode, status: item.status, waitlisted_at: item.status === "waitlisted" ? now : null, decision_reason: "", attended_at: null, reminder_sent_at: null, updated_at: now })
      .where("id", "=", item.cancelledId!)
      .execute();
  }
  const queued = await queueMails(trx, mails.filter((mail): mail is OutgoingMail => mail !== null));
  let next = 0;
  return decisions.map((decision, index) => ({ decision, mail: mails[index] ? (queued[next++] ?? null) : null }));
}
