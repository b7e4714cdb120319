/**
 * Writing a dialogue's observations: create, edit, publish, reorder, merge. Each write is one
 * transaction that takes a lock on the dialogue's row — facilitators typing in the same room
 * get positions one after the other, never twice the same — writes a revision of what the
 * observation now says (the history), and, when the summary is already published, rewrites its
 * library resource and search documents in the same transaction.
 */
import type { Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { sendJob } from "~/modules/jobs/jobs.server";
import { getDb, type Executor } from "~/utils/db.server";
import { writeSummaryArtifacts } from "./observation-documents.server";
import type { ObservationFields } from "./observations.schema.server";

export type ObservationErrorKey = "notFound" | "unknownTopic" | "unknownArticle" | "conflict" | "merged" | "mergeTarget";

export class ObservationError extends Error {
  constructor(
    readonly key: ObservationErrorKey,
    /** The form field the error belongs to ("form" for the whole form). */
    readonly field: string = "form",
  ) {
    super(key);
  }
}

/** What a revision's note says happened; the page words it in the reader's language. */
export type RevisionNote = "created" | "edited" | "published" | "unpublished" | "merged" | "absorbed" | "restored";

type Trx = Transaction<Database>;

/** Runs `work` in the caller's transaction, or in a new one; queues the search sync after our own commit. */
async function write<T>(executor: Executor | undefined, work: (trx: Trx, touchSummary: (dialogueId: number) => Promise<void>) => Promise<T>): Promise<T> {
  let searchChanged = false;
  const run = async (trx: Trx) =>
    work(trx, async (dialogueId) => {
      if (await writeSummaryArtifacts(trx, dialogueId)) searchChanged = true;
    });
  if (executor?.isTransaction) return run(executor as Trx);
  const result = await (executor ?? getDb()).transaction().execute(run);
  if (searchChanged) await sendJob("search.sync").catch((error) => console.error("[observations] could not queue search.sync:", String(error)));
  return result;
}

async function lockDialogue(trx: Trx, dialogueId: number) {
  const dialogue = await trx.selectFrom("dialogue").select(["id", "state"]).where("id", "=", dialogueId).forUpdate().executeTakeFirst();
  if (!dialogue) throw new ObservationError("notFound");
  return dialogue;
}

async function findObservation(trx: Trx, dialogueId: number, observationId: number) {
  const observation = await trx.selectFrom("dialogue_observation").selectAll().where("id", "=", observationId).where("dialogue_id", "=", dialogueId).executeTakeFirst();
  if (!observation) throw new ObservationError("notFound");
  return observation;
}

/** Topics must be on this dialogue's agenda, articles in the treaty. */
async function checkTags(trx: Trx, dialogueId: number, fields: ObservationFields) {
  if (fields.topics.length) {
    const known = await trx.selectFrom("dialogue_topic").select("code").where("dialogue_id", "=", dialogueId).where("code", "in", fields.topics).execute();
    if (known.length !== fields.topics.length) throw new ObservationError("unknownTopic", "topics");
  }
  if (fields.articles.length) {
    const known = await trx
      .selectFrom("article")
      .select(["instrument_code", "number"])
      .where((eb) => eb.or(fields.articles.map((ref) => eb.and([eb("instrument_code", "=", ref.split(":")[0]!), eb("number", "=", ref.split(":")[1]!)]))))
      .execute();
    if (known.length !== fields.articles.length) throw new ObservationError("unknownArticle", "articles");
  }
}

async function addRevision(trx: Trx, observationId: number, actorId: string | null, note: RevisionNote) {
  const now = await trx.selectFrom("dialogue_observation").select(["body", "topics", "clusters", "articles", "stakeholder_kinds", "status"]).where("id", "=", observationId).executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto("dialogue_observation_revision")
    .values({ observation_id: observationId, ...now, edited_by: actorId, note })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

function columnsOf(fields: ObservationFields) {
  return { body: fields.body, topics: fields.topics, clusters: fields.clusters, articles: fields.articles, stakeholder_kinds: fields.stakeholderKinds };
}

/** Records a new observation at the end of the dialogue's list, as a draft or published at once. */
export async function createObservation(dialogueId: number, fields: ObservationFields, options: { actorId: string | null; publish: boolean }, executor?: Executor): Promise<{ id: number }> {
  return write(executor, async (trx, touchSummary) => {
    await lockDialogue(trx, dialogueId);
    await checkTags(trx, dialogueId, fields);
    const last = await trx.selectFrom("dialogue_observation").select((eb) => eb.fn.max("position").as("max")).where("dialogue_id", "=", dialogueId).executeTakeFirst();
    const { id } = await trx
      .insertInto("dialogue_observation")
      .values({
        dialogue_id: dialogueId,
        position: Number(last?.max ?? 0) + 1,
        ...columnsOf(fields),
        status: options.publish ? "published" : "draft",
        published_at: options.publish ? new Date() : null,
        created_by: options.actorId,
        updated_by: options.actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addRevision(trx, id, options.actorId, "created");
    if (options.publish) await touchSummary(dialogueId);
    return { id };
  });
}

/**
 * Saves an edit. `baseRevision` is the revision the form was opened at: if someone saved in
 * between, the edit is refused as a conflict (the form keeps what was typed), never silently
 * overwriting their words.
 */
export async function updateObservation(dialogueId: number, observationId: number, fields: ObservationFields, options: { actorId: string; baseRevision: number }) {
  return write(undefined, async (trx, touchSummary) => {
    await lockDialogue(trx, dialogueId);
    const observation = await findObservation(trx, dialogueId, observationId);
    if (observation.merged_into_id !== null) throw new ObservationError("merged");
    const latest = await trx.selectFrom("dialogue_observation_revision").select((eb) => eb.fn.max("id").as("id")).where("observation_id", "=", observationId).executeTakeFirst();
    if (Number(latest?.id) !== options.baseRevision) throw new ObservationError("conflict");
    await checkTags(trx, dialogueId, fields);
    await trx
      .updateTable("dialogue_observation")
      .set({ ...columnsOf(fields), updated_by: options.actorId, updated_at: new Date() })
      .where("id", "=", observationId)
      .execute();
    await addRevision(trx, observationId, options.actorId, "edited");
    if (observation.status === "published") await touchSummary(dialogueId);
  });
}

/** Publishes or withdraws an observation; a repeated click changes nothing. */
export async function setObservationStatus(dialogueId: number, observationId: number, status: "draft" | "published", actorId: string) {
  return write(undefined, async (trx, touchSummary) => {
    await lockDialogue(trx, dialogueId);
    const observation = await findObservation(trx, dialogueId, observationId);
    if (observation.merged_into_id !== null) throw new ObservationError("merged");
    if (observation.status === status) return;
    await trx
      .updateTable("dialogue_observation")
      .set({ status, published_at: status === "published" ? new Date() : null, updated_by: actorId, updated_at: new Date() })
      .where("id", "=", observationId)
      .execute();
    await addRevision(trx, observationId, actorId, status === "published" ? "published" : "unpublished");
    await touchSummary(dialogueId);
  });
}

/**
 * Swaps an observation with its neighbour above or below (merged ones do not count); at either end
 * nothing moves. Positions are distinct: every new one is the highest plus one, under the lock.
 */
export async function moveObservation(dialogueId: number, observationId: number, direction: "up" | "down", actorId: string) {
  return write(undefined, async (trx, touchSummary) => {
    await lockDialogue(trx, dialogueId);
    const observation = await findObservation(trx, dialogueId, observationId);
    if (observation.merged_into_id !== null) throw new ObservationError("merged");
    const neighbour = await trx
      .selectFrom("dialogue_observation")
      .select(["id", "position", "status"])
      .where("dialogue_id", "=", dialogueId)
      .where("merged_into_id", "is", null)
      .where("id", "!=", observationId)
      .where((eb) =>
        direction === "up"
          ? eb("position", "<", observation.position)
          : eb("position", ">", observation.position),
      )
      .orderBy("position", direction === "up" ? "desc" : "asc")
      .limit(1)
      .executeTakeFirst();
    if (!neighbour) return;
    await trx.updateTable("dialogue_observation").set({ position: neighbour.position, updated_by: actorId }).where("id", "=", observationId).execute();
    await trx.updateTable("dialogue_observation").set({ position: observation.position }).where("id", "=", neighbour.id).execute();
    if (observation.status === "published" || neighbour.status === "published") await touchSummary(dialogueId);
  });
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * Merges a duplicate into another observation of the same dialogue: the other keeps its text
 * and gains the duplicate's topics, clusters, articles and stakeholder kinds; the duplicate
 * stays, hidden from the summary, and can be restored. Anything merged into the duplicate
 * before now points at the other.
 */
export async function mergeObservation(dialogueId: number, duplicateId: number, targetId: number, actorId: string) {
  return write(undefined, async (trx, touchSummary) => {
    await lockDialogue(trx, dialogueId);
    const duplicate = await findObservation(trx, dialogueId, duplicateId);
    if (duplicate.merged_into_id !== null) throw new ObservationError("merged");
    if (targetId === duplicateId) throw new ObservationError("mergeTarget", "targetId");
    const target = await findObservation(trx, dialogueId, targetId).catch(() => {
      throw new ObservationError("mergeTarget", "targetId");
    });
    if (target.merged_into_id !== null) throw new ObservationError("mergeTarget", "targetId");
    await trx.updateTable("dialogue_observation").set({ merged_into_id: targetId }).where("merged_into_id", "=", duplicateId).execute();
    await trx
      .updateTable("dialogue_observation")
      .set({
        topics: union(target.topics, duplicate.topics),
        clusters: union(target.clusters, duplicate.clusters),
        articles: union(target.articles, duplicate.articles),
        stakeholder_kinds: union(target.stakeholder_kinds, duplicate.stakeholder_kinds),
        updated_by: actorId,
        updated_at: new Date(),
      })
      .where("id", "=", targetId)
      .execute();
    await trx.updateTable("dialogue_observation").set({ merged_into_id: targetId, updated_by: actorId, updated_at: new Date() }).where("id", "=", duplicateId).execute();
    await addRevision(trx, duplicateId, actorId, "merged");
    await addRevision(trx, targetId, actorId, "absorbed");
    await touchSummary(dialogueId);
  });
}

/** Undoes a merge: the observation comes back in its old place (the other keeps the tags it gained). */
export async function unmergeObservation(dialogueId: number, observationId: number, actorId: string) {
  return write(undefined, async (trx, touchSummary) => {
    await lockDialogue(trx, dialogueId);
    const observation = await findObservation(trx, dialogueId, observationId);
    if (observation.merged_into_id === null) return;
    await trx.updateTable("dialogue_observation").set({ merged_into_id: null, updated_by: actorId, updated_at: new Date() }).where("id", "=", observationId).execute();
    await addRevision(trx, observationId, actorId, "restored");
    if (observation.status === "published") await touchSummary(dialogueId);
  });
}
