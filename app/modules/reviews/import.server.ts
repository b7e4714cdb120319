/**
 * The status import shared by `npm run reviews:import` and /admin/reviews/import: a dry run that
 * reports every problem and every change, then an all-or-nothing apply in one transaction that
 * keeps the history of every date change, queues notifications for followers of countries whose
 * review changed stage, and writes the audit log.
 */
import { sql } from "kysely";
import { recordAudit } from "~/modules/audit/audit.server";
import { recordDataSource } from "~/modules/provenance/provenance.server";
import { getDb, type Executor } from "~/utils/db.server";
import { loadStatus, toSnapshot, type StoredParty, type StoredStatus } from "./queries.server";
import { type Stage } from "~/modules/treaty/vocabulary";
import { REVIEW_DATE_FIELDS } from "./vocabulary";
import { stagesOf } from "./stats";
import { readStatusFiles, type FocalPointRow, type ImportProblem, type PartyDetails, type PartyRow, type ReviewRow, type StatusData, type StatusFiles } from "./status-files.server";

type FieldChange = { field: string; from: string | null; to: string | null };
export type ImportChanges = {
  parties: { added: string[]; removed: string[]; changed: Array<{ code: string; fields: FieldChange[] }> };
  details: { changed: string[] };
  reviews: { added: string[]; removed: string[]; changed: Array<{ key: string; fields: FieldChange[] }> };
  focalPoints: { changed: Array<{ party: string; added: number; removed: number }> };
  stages: Array<{ key: string; from: Stage | null; to: Stage }>;
};
/** What a dry run found: stored with the import and rendered by the admin page and the CLI. */
export type ImportReport = {
  problems: ImportProblem[];
  changes: ImportChanges | null;
  totals: { parties: number; reviews: number; focalPoints: number } | null;
  changeCount: number;
};

const reviewKey = (review: { cluster: string; state_under_review: string }) => `${review.cluster}:${review.state_under_review}`;
const show = (value: unknown): string | null => (value === null || value === undefined ? null : Array.isArray(value) ? value.join(";") : String(value));

function compareFields<T extends Record<string, unknown>>(before: T, after: T, fields: Array<keyof T & string>): FieldChange[] {
  return fields.flatMap((field) => {
    const from = show(before[field]);
    const to = show(after[field]);
    return from === to ? [] : [{ field, from, to }];
  });
}

const focalPointKey = (point: FocalPointRow) => [point.party, point.ministry, point.gender, point.designated_on, point.replaced_on ?? "", point.name ?? "", point.email ?? ""].join("|");

function detailsOf(party: StoredParty): PartyDetails {
  return { code: party.code, alpha2: party.alpha2, names: party.names, protocols: party.protocols, redraws: party.redraws, pilotInitiative: party.pilotInitiative, observers: party.observers, experts: party.experts };
}
/** JSON with object keys sorted at every depth: jsonb does not keep the key order of the file. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
const sameDetails = (a: PartyDetails, b: PartyDetails) => stableJson(a) === stableJson(b);

/** Every difference between the stored status and the imported one. */
export function diffStatus(current: StoredStatus, next: StatusData): ImportChanges {
  const currentParties = new Map(current.parties.map((party) => [party.code, party]));
  const nextParties = new Map(next.parties.map((party) => [party.code, party]));
  const parties: ImportChanges["parties"] = {
    added: next.parties.filter((party) => !currentParties.has(party.code)).map((party) => party.code),
    removed: current.parties.filter((party) => !nextParties.has(party.code)).map((party) => party.code),
    changed: next.parties.flatMap((party) => {
      const before = currentParties.get(party.code);
      const fields = before ? compareFields<PartyRow>(before, party, ["name", "kind", "group", "joined_on"]) : [];
      return fields.length ? [{ code: party.code, fields }] : [];
    }),
  };
  const details = {
    changed: (next.details ?? []).filter((entry) => {
      const before = currentParties.get(entry.code);
      return !before || !sameDetails(detailsOf(before), entry);
    }).map((entry) => entry.code),
  };

  const currentReviews = new Map(current.reviews.map((review) => [reviewKey(review), review]));
  const nextReviews = new Map(next.reviews.map((review) => [reviewKey(review), review]));
  const reviewFields: Array<keyof ReviewRow & string> = ["reviewer_1", "reviewer_2", "languages", ...REVIEW_DATE_FIELDS];
  const reviews: ImportChanges["reviews"] = {
    added: [...nextReviews.keys()].filter((key) => !currentReviews.has(key)),
    removed: [...currentReviews.keys()].filter((key) => !nextReviews.has(key)),
    changed: [...nextReviews].flatMap(([key, review]) => {
      const before = currentReviews.get(key);
      const fields = before ? compareFields<ReviewRow>(before, review, reviewFields) : [];
      return fields.length ? [{ key, fields }] : [];
    }),
  };

  const countKeys = (points: FocalPointRow[]) => {
    const counts = new Map<string, number>();
    for (const point of points) counts.set(focalPointKey(point), (counts.get(focalPointKey(point)) ?? 0) + 1);
    return counts;
  };
  const beforeKeys = countKeys(current.focalPoints);
  const afterKeys = countKeys(next.focalPoints);
  const perParty = new Map<string, { added: number; removed: number }>();
  const bump = (key: string, field: "added" | "removed", by: number) => {
    if (by <= 0) return;
    const party = key.slice(0, key.indexOf("|"));
    const entry = perParty.get(party) ?? { added: 0, removed: 0 };
    entry[field] += by;
    perParty.set(party, entry);
  };
  for (const [key, count] of afterKeys) bump(key, "added", count - (beforeKeys.get(key) ?? 0));
  for (const [key, count] of beforeKeys) bump(key, "removed", count - (afterKeys.get(key) ?? 0));
  const focalPoints = { changed: [...perParty].map(([party, counts]) => ({ party, ...counts })).sort((a, b) => a.party.localeCompare(b.party)) };

  // Stages are derived, so a new focal point can move a review even when none of its dates moved.
  const currentSnapshot = toSnapshot(current);
  const nextSnapshot = toSnapshot(next);
  const stagesBefore = new Map(stagesOf(currentSnapshot).map((stage, index) => [reviewKey(currentSnapshot.reviews[index]!), stage]));
  const stages = stagesOf(nextSnapshot).flatMap((stage, index) => {
    const key = reviewKey(nextSnapshot.reviews[index]!);
    const from = stagesBefore.get(key) ?? null;
    return from === stage ? [] : [{ key, from, to: stage }];
  });
  return { parties, details, reviews, focalPoints, stages };
}

function countChanges(changes: ImportChanges) {
  return (
    changes.parties.added.length +
    changes.parties.removed.length +
    changes.parties.changed.length +
    changes.details.changed.length +
    changes.reviews.added.length +
    changes.reviews.removed.length +
    changes.reviews.changed.length +
    changes.focalPoints.changed.length
  );
}

/** The dry run: validates the files and compares them with the stored status. Writes nothing. */
export async function planImport(files: StatusFiles, executor: Executor = getDb()): Promise<ImportReport & { data: StatusData | null }> {
  const { data, problems } = readStatusFiles(files);
  if (!data) return { data: null, problems, changes: null, totals: null, changeCount: 0 };
  const changes = diffStatus(await loadStatus(executor), data);
  return {
    data,
    problems,
    changes,
    totals: { parties: data.parties.length, reviews: data.reviews.length, focalPoints: data.focalPoints.length },
    changeCount: countChanges(changes),
  };
}

function filesAsText(files: StatusFiles): Record<string, string> {
  // Files that are not valid UTF-8 were reported as problems; such an import is never applied,
  // so a lossy copy for the record is enough.
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === "string" ? content : new TextDecoder().decode(content)]));
}

/**
 * Where imported status data come from, as the importer states it: applying the import records it
 * as the provenance of the review status, and pages show the illustrative-data notice while
 * `illustrative` is true.
 */
export type ImportProvenance = { description: string; illustrative: boolean };

/** Runs the dry run and records it, so that it can be applied later without uploading again. */
export async function createImport(input: { files: StatusFiles; asOf?: string; actorId: string | null; source: "upload" | "cli" | "seed"; provenance: ImportProvenance }) {
  const report = await planImport(input.files);
  const { data: _data, ...summary } = report;
  const row = await getDb()
    .insertInto("review_import")
    .values({
      created_by: input.actorId,
      source: input.source,
      files: JSON.stringify(filesAsText(input.files)),
      as_of: input.asOf ?? null,
      description: input.provenance.description,
      illustrative: input.provenance.illustrative,
      problem_count: report.problems.length,
      summary: JSON.stringify(summary),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, report: summary as ImportReport };
}

export async function getImport(id: number) {
  const row = await getDb()
    .selectFrom("review_import")
    .select(["id", "created_at", "created_by", "source", "as_of", "description", "illustrative", "problem_count", "summary", "applied_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { ...row, report: row.summary as ImportReport };
}

export async function listImports(limit = 10) {
  return getDb()
    .selectFrom("review_import")
    .leftJoin("app_user", "app_user.id", "review_import.created_by")
    .select(["review_import.id", "review_import.created_at", "review_import.source", "review_import.as_of", "review_import.description", "review_import.illustrative", "review_import.problem_count", "review_import.applied_at", "app_user.display_name as createdBy"])
    .orderBy("review_import.id", "desc")
    .limit(limit)
    .execute();
}

export type ApplyOutcome =
  | { ok: true; changeCount: number; notifications: number }
  | { ok: false; reason: "notFound" | "alreadyApplied" | "hasProblems"; problems?: ImportProblem[] };

/**
 * Applies a recorded import, all or nothing. The files are checked again inside the transaction,
 * against the status as it stands then: a file with any problem applies nothing.
 */
export async function applyImport(importId: number, actorId: string | null): Promise<ApplyOutcome> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      // One import at a time: a second apply waits, then sees the first one's result.
      await sql`select pg_advisory_xact_lock(hashtext('review_import'))`.execute(trx);
      const row = await trx.selectFrom("review_import").select(["files", "applied_at", "as_of", "description", "illustrative"]).where("id", "=", importId).forUpdate().executeTakeFirst();
      if (!row) return { ok: false, reason: "notFound" } as const;
      if (row.applied_at) return { ok: false, reason: "alreadyApplied" } as const;
      const current = await loadStatus(trx, { forUpdate: true });
      const { data, problems } = readStatusFiles(row.files as StatusFiles);
      if (!data) return { ok: false, reason: "hasProblems", problems } as const;
      const changes = diffStatus(current, data);
      const notifications = await writeStatus(trx, current, data, changes, { importId, actorId });
      await trx.updateTable("review_import").set({ applied_at: new Date(), applied_by: actorId }).where("id", "=", importId).execute();
      // The status is now what this import says it is: illustrative or not, from its stated source.
      await recordDataSource(trx, {
        dataset: "reviews",
        illustrative: row.illustrative,
        description: row.description || `Review-status import #${importId}`,
        reviewImportId: importId,
        recordedBy: actorId,
      });
      await recordAudit(trx, {
        actorId,
        action: "reviews.import",
        entityType: "review_import",
        entityId: String(importId),
        details: {
          parties: { added: changes.parties.added.length, removed: changes.parties.removed.length, changed: changes.parties.changed.length },
          reviews: { added: changes.reviews.added.length, removed: changes.reviews.removed.length, changed: changes.reviews.changed.length },
          focalPointParties: changes.focalPoints.changed.length,
          details: changes.details.changed.length,
          stageChanges: changes.stages.length,
          notifications,
          asOf: row.as_of,
          source: row.description,
          illustrative: row.illustrative,
        },
      });
      return { ok: true, changeCount: countChanges(changes), notifications } as const;
    });
}

/** Replaces the stored status with `next`; returns the number of notifications queued. */
async function writeStatus(trx: Executor, current: StoredStatus, next: StatusData, changes: ImportChanges, context: { importId: number; actorId: string | null }) {
  const nextReviewKeys = new Set(next.reviews.map(reviewKey));
  const removedReviews = current.reviews.filter((review) => !nextReviewKeys.has(reviewKey(review)));
  if (removedReviews.length) {
    await trx
      .deleteFrom("country_review")
      .where((eb) => eb.or(removedReviews.map((review) => eb.and([eb("cluster", "=", review.cluster), eb("state_under_review", "=", review.state_under_review)]))))
      .execute();
  }
  await trx.deleteFrom("focal_point").execute();
  if (changes.parties.removed.length) await trx.deleteFrom("party").where("code", "in", changes.parties.removed).execute();

  if (next.parties.length) {
    const details = new Map((next.details ?? []).map((entry) => [entry.code, entry]));
    const currentParties = new Map(current.parties.map((party) => [party.code, party]));
    await trx
      .insertInto("party")
      .values(
        next.parties.map((party) => {
          // Without parties.json in this import, a party keeps the details it had.
          const detail = details.get(party.code) ?? (currentParties.has(party.code) ? detailsOf(currentParties.get(party.code)!) : null);
          return {
            code: party.code,
            name: party.name,
            kind: party.kind,
            review_group: party.group,
            joined_on: party.joined_on,
            names: JSON.stringify(detail?.names ?? {}),
            alpha2: detail?.alpha2 ?? null,
            trafficking_in_persons_on: detail?.protocols.trafficking_in_persons ?? null,
            smuggling_of_migrants_on: detail?.protocols.smuggling_of_migrants ?? null,
            firearms_on: detail?.protocols.firearms ?? null,
            redraws: detail?.redraws ?? 0,
            pilot_initiative: detail?.pilotInitiative ?? false,
            observers: detail?.observers ?? false,
            experts_women: detail?.experts.women ?? 0,
            experts_men: detail?.experts.men ?? 0,
          };
        }),
      )
      .onConflict((conflict) =>
        conflict.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          kind: eb.ref("excluded.kind"),
          review_group: eb.ref("excluded.review_group"),
          joined_on: eb.ref("excluded.joined_on"),
          names: eb.ref("excluded.names"),
          alpha2: eb.ref("excluded.alpha2"),
          trafficking_in_persons_on: eb.ref("excluded.trafficking_in_persons_on"),
          smuggling_of_migrants_on: eb.ref("excluded.smuggling_of_migrants_on"),
          firearms_on: eb.ref("excluded.firearms_on"),
          redraws: eb.ref("excluded.redraws"),
          pilot_initiative: eb.ref("excluded.pilot_initiative"),
          observers: eb.ref("excluded.observers"),
          experts_women: eb.ref("excluded.experts_women"),
          experts_men: eb.ref("excluded.experts_men"),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  }

  const changedKeys = new Set([...changes.reviews.added, ...changes.reviews.changed.map((change) => change.key)]);
  const toWrite = next.reviews.filter((review) => changedKeys.has(reviewKey(review)));
  if (toWrite.length) {
    await trx
      .insertInto("country_review")
      .values(toWrite.map((review) => ({ ...review, languages: review.languages })))
      .onConflict((conflict) =>
        conflict.columns(["cluster", "state_under_review"]).doUpdateSet((eb) => ({
          reviewer_1: eb.ref("excluded.reviewer_1"),
          reviewer_2: eb.ref("excluded.reviewer_2"),
          languages: eb.ref("excluded.languages"),
          initial_consultation_on: eb.ref("excluded.initial_consultation_on"),
          saq_submitted_on: eb.ref("excluded.saq_submitted_on"),
          feedback_submitted_on: eb.ref("excluded.feedback_submitted_on"),
          observations_final_on: eb.ref("excluded.observations_final_on"),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  }
  if (next.focalPoints.length) {
    await trx
      .insertInto("focal_point")
      .values(next.focalPoints.map((point) => ({ party_code: point.party, ministry: point.ministry, gender: point.gender, designated_on: point.designated_on, replaced_on: point.replaced_on, name: point.name, email: point.email })))
      .execute();
  }

  // History: who changed what, when. A new or removed review is one entry; a changed one, one per field.
  const split = (key: string) => ({ cluster: key.slice(0, key.indexOf(":")), state_under_review: key.slice(key.indexOf(":") + 1) });
  const history = [
    ...changes.reviews.added.map((key) => ({ ...split(key), field: "review", old_value: null, new_value: "added" })),
    ...changes.reviews.removed.map((key) => ({ ...split(key), field: "review", old_value: "present", new_value: null })),
    ...changes.reviews.changed.flatMap((change) => change.fields.map((field) => ({ ...split(change.key), field: field.field, old_value: field.from, new_value: field.to }))),
    ...changes.stages.filter((change) => nextReviewKeys.has(change.key)).map((change) => ({ ...split(change.key), field: "stage", old_value: change.from, new_value: change.to })),
  ];
  if (history.length) {
    await trx
      .insertInto("country_review_history")
      .values(history.map((entry) => ({ ...entry, import_id: context.importId, changed_by: context.actorId })))
      .execute();
  }

  // A stage change of an existing review queues one notification per follower of its country.
  const stageChanges = changes.stages.filter((change) => change.from !== null);
  if (!stageChanges.length) return 0;
  const byParty = new Map<string, typeof stageChanges>();
  for (const change of stageChanges) {
    const party = split(change.key).state_under_review;
    byParty.set(party, [...(byParty.get(party) ?? []), change]);
  }
  const followers = await trx.selectFrom("country_follow").select(["user_id", "party_code"]).where("party_code", "in", [...byParty.keys()]).execute();
  const rows = followers.flatMap((follower) =>
    byParty.get(follower.party_code)!.map((change) => ({
      user_id: follower.user_id,
      kind: "review.stage_changed",
      payload: JSON.stringify({ party: follower.party_code, cluster: split(change.key).cluster, from: change.from, to: change.to, importId: context.importId }),
    })),
  );
  if (rows.length) await trx.insertInto("notification").values(rows).execute();
  return rows.length;
}
