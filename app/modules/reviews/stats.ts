/**
 * Review-status statistics as pure functions over a snapshot of the data, so that the JSON
 * endpoint, the dashboard and the tests compute every figure the same way.
 */
import { type ReviewFilters } from "./reviews.schema.server";
import { STAGES, type Stage } from "~/modules/treaty/vocabulary";
import { GROUPS, GUIDELINE_MONTHS, MINISTRIES, NEXT_CLUSTER_GATE, REVIEW_DATE_FIELDS } from "./vocabulary";
import { deriveStage, isStarted, type StageInput } from "./stage";

export type SnapshotParty = { code: string; group: number };
export type SnapshotReview = StageInput & { cluster: string; languages: string[] };
export type SnapshotFocalPoint = { party: string; ministry: string; gender: string; designated_on: string; replaced_on: string | null };
export type StatusSnapshot = { parties: SnapshotParty[]; reviews: SnapshotReview[]; focalPoints: SnapshotFocalPoint[] };

type StageCounts = Record<Stage, number>;
export type ReviewStats = {
  reviews: {
    total: number;
    byStage: StageCounts;
    byGroup: Record<"1" | "2" | "3", { total: number; byStage: StageCounts }>;
    started: number;
    notStarted: number;
  };
  saq: { submitted: number; inPreparation: number };
  writtenFeedback: { inProgress: number; completed: number };
  languages: { one: number; two: number; three: number; notAgreed: number; combinations: Record<string, number> };
  focalPoints: {
    current: number;
    partiesWithCurrent: number;
    partiesWithout: number;
    women: number;
    byMinistry: Record<(typeof MINISTRIES)[number], number>;
    partiesThatReplaced: number;
    partiesWithSeveral: number;
  };
};

const zeroStages = (): StageCounts => Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageCounts;

/** `en`, `en+fr`: codes sorted alphabetically and joined with `+`; empty when none agreed. */
export function languageKey(languages: readonly string[]) {
  return [...languages].sort().join("+");
}

/** The parties that have at least one focal point not replaced. */
export function partiesWithCurrentFocalPoint(focalPoints: SnapshotFocalPoint[]) {
  return new Set(focalPoints.filter((point) => point.replaced_on === null).map((point) => point.party));
}

/** The snapshot reduced to the dashboard's filters (group of the state under review, cluster). */
export function filterSnapshot(snapshot: StatusSnapshot, filters: ReviewFilters = {}): StatusSnapshot {
  if (!filters.group && !filters.cluster) return snapshot;
  const groupOf = new Map(snapshot.parties.map((party) => [party.code, party.group]));
  const inGroup = (code: string) => !filters.group || groupOf.get(code) === filters.group;
  return {
    parties: snapshot.parties.filter((party) => inGroup(party.code)),
    reviews: snapshot.reviews.filter((review) => inGroup(review.state_under_review) && (!filters.cluster || review.cluster === filters.cluster)),
    focalPoints: snapshot.focalPoints.filter((point) => inGroup(point.party)),
  };
}

/**
 * Stages of every review of the snapshot. Focal points are looked up in the whole snapshot: a
 * filtered view must not turn a reviewer from another group into a party without focal point.
 */
export function stagesOf(snapshot: StatusSnapshot, focalPoints: SnapshotFocalPoint[] = snapshot.focalPoints) {
  const withFocalPoint = partiesWithCurrentFocalPoint(focalPoints);
  return snapshot.reviews.map((review) => deriveStage(review, (code) => withFocalPoint.has(code)));
}

/** Every figure of GET /reviews/stats.json. Empty data gives zeros everywhere, never an error. */
export function computeStats(full: StatusSnapshot, filters: ReviewFilters = {}): ReviewStats {
  const snapshot = filterSnapshot(full, filters);
  const groupOf = new Map(full.parties.map((party) => [party.code, party.group]));
  const stages = stagesOf(snapshot, full.focalPoints);

  const byStage = zeroStages();
  const byGroup = Object.fromEntries(GROUPS.map((group) => [String(group), { total: 0, byStage: zeroStages() }])) as ReviewStats["reviews"]["byGroup"];
  const languages: ReviewStats["languages"] = { one: 0, two: 0, three: 0, notAgreed: 0, combinations: {} };
  let started = 0;
  let saqSubmitted = 0;
  let feedbackCompleted = 0;
  snapshot.reviews.forEach((review, index) => {
    const stage = stages[index]!;
    byStage[stage]++;
    const group = byGroup[String(groupOf.get(review.state_under_review)) as "1"];
    if (group) {
      group.total++;
      group.byStage[stage]++;
    }
    if (review.saq_submitted_on) saqSubmitted++;
    if (review.feedback_submitted_on) feedbackCompleted++;
    if (!isStarted(stage)) return;
    started++;
    const count = review.languages.length;
    if (count === 0) languages.notAgreed++;
    else {
      if (count === 1) languages.one++;
      else if (count === 2) languages.two++;
      else languages.three++;
      const key = languageKey(review.languages);
      languages.combinations[key] = (languages.combinations[key] ?? 0) + 1;
    }
  });
  languages.combinations = Object.fromEntries(Object.entries(languages.combinations).sort(([a], [b]) => a.localeCompare(b)));

  const current = snapshot.focalPoints.filter((point) => point.replaced_on === null);
  const currentPerParty = new Map<string, number>();
  for (const point of current) currentPerParty.set(point.party, (currentPerParty.get(point.party) ?? 0) + 1);
  const byMinistry = Object.fromEntries(MINISTRIES.map((ministry) => [ministry, 0])) as ReviewStats["focalPoints"]["byMinistry"];
  for (const point of current) if (point.ministry in byMinistry) byMinistry[point.ministry as keyof typeof byMinistry]++;
  const partyCodes = new Set(snapshot.parties.map((party) => party.code));

  return {
    reviews: { total: snapshot.reviews.length, byStage, byGroup, started, notStarted: snapshot.reviews.length - started },
    saq: { submitted: saqSubmitted, inPreparation: byStage.saq },
    writtenFeedback: { inProgress: byStage.written_feedback, completed: feedbackCompleted },
    languages,
    focalPoints: {
      current: current.length,
      partiesWithCurrent: currentPerParty.size,
      partiesWithout: [...partyCodes].filter((code) => !currentPerParty.has(code)).length,
      women: current.filter((point) => point.gender === "female").length,
      byMinistry,
      partiesThatReplaced: new Set(snapshot.focalPoints.filter((point) => point.replaced_on !== null).map((point) => point.party)).size,
      partiesWithSeveral: [...currentPerParty.values()].filter((count) => count > 1).length,
    },
  };
}

/**
 * What a group's stage counts say about its reviews, for the dashboard's charts: a review past a
 * stage has done it (a review in written feedback has submitted its SAQ), and a review is started
 * once its initial consultation is held.
 */
export function stageFigures({ total, byStage }: { total: number; byStage: StageCounts }) {
  const count = (stages: readonly Stage[]) => stages.reduce((sum, stage) => sum + byStage[stage], 0);
  const after = (stage: Stage) => count(STAGES.slice(STAGES.indexOf(stage) + 1));
  return {
    total,
    byStage,
    heldUp: byStage.focal_points,
    notHeldUp: total - byStage.focal_points,
    started: count(STAGES.filter(isStarted)),
    consultationWaiting: byStage.initial_consultation,
    saqSubmitted: after("saq"),
    saqInPreparation: byStage.saq,
    feedbackCompleted: after("written_feedback"),
    feedbackInProgress: byStage.written_feedback,
  };
}

/** A whole percentage of `part` in `whole`; 0 when there is nothing to divide. */
export function percent(part: number, whole: number) {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

/** `date` plus `months` calendar months, clamped to the end of a shorter month (Aug 31 + 6 → Feb 28/29). */
export function addMonths(date: string, months: number) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The latest date anywhere in the data: the default reference date of the overdue check. */
export function latestDate(snapshot: StatusSnapshot): string | null {
  let latest: string | null = null;
  const consider = (value: string | null) => {
    if (value && (latest === null || value > latest)) latest = value;
  };
  for (const review of snapshot.reviews) for (const field of REVIEW_DATE_FIELDS) consider(review[field]);
  for (const point of snapshot.focalPoints) {
    consider(point.designated_on);
    consider(point.replaced_on);
  }
  return latest;
}

export type OverdueReview = { review: SnapshotReview; stage: "saq" | "written_feedback"; since: string; dueOn: string; daysLate: number };

/**
 * Reviews behind the guideline timetable on `asOf`: the SAQ is due six months after the initial
 * consultation, the written feedback six months after the SAQ. Most late first.
 */
export function findOverdue(full: StatusSnapshot, asOf: string, filters: ReviewFilters = {}): OverdueReview[] {
  const snapshot = filterSnapshot(full, filters);
  const stages = stagesOf(snapshot, full.focalPoints);
  const overdue: OverdueReview[] = [];
  snapshot.reviews.forEach((review, index) => {
    const stage = stages[index];
    const since = stage === "saq" ? review.initial_consultation_on : stage === "written_feedback" ? review.saq_submitted_on : null;
    if (!since || (stage !== "saq" && stage !== "written_feedback")) return;
    const dueOn = addMonths(since, GUIDELINE_MONTHS);
    if (dueOn < asOf) overdue.push({ review, stage, since, dueOn, daysLate: daysBetween(dueOn, asOf) });
  });
  return overdue.sort((a, b) => b.daysLate - a.daysLate || a.review.state_under_review.localeCompare(b.review.state_under_review));
}

/** Group 1's progress towards the 70% of completed reviews that opens the next cluster. */
export function nextClusterGate(full: StatusSnapshot, cluster: string) {
  const snapshot = filterSnapshot(full, { group: 1, cluster: cluster as ReviewFilters["cluster"] });
  const stages = stagesOf(snapshot, full.focalPoints);
  const total = snapshot.reviews.length;
  const completed = stages.filter((stage) => stage === "completed").length;
  const needed = Math.ceil(NEXT_CLUSTER_GATE * total);
  return { total, completed, needed, share: percent(completed, total), met: total > 0 && completed >= needed };
}
