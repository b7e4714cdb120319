/**
 * Reads of review status. The whole status is small (one row per party, per review and per focal
 * point: a few hundred rows per cluster), so pages read it in three indexed queries and derive
 * stages and figures in memory with the pure functions of stage.ts and stats.ts.
 */
import { LRUCache } from "lru-cache";
import { getDb, type Executor } from "~/utils/db.server";
import { noteIn, type DataNotice } from "~/modules/provenance/notice";
import { unShortName } from "~/modules/countries/countries.server";
import type { Locale } from "~/utils/i18n";
import { type ReviewFilters, type ReviewListQuery } from "./reviews.schema.server";
import { STAGES, type Stage } from "~/modules/treaty/vocabulary";
import { PROTOCOLS, REVIEW_DATE_FIELDS } from "./vocabulary";
import { deriveStage } from "./stage";
import { computeStats, findOverdue, latestDate, nextClusterGate, partiesWithCurrentFocalPoint, type StatusSnapshot } from "./stats";
import type { FocalPointRow, PartyRow, ReviewRow } from "./status-files.server";

/** A party's Protocols, redraws, pilot, observers and experts, as pages and exports show them. */
function partyFacts(party: {
  trafficking_in_persons_on: string | null;
  smuggling_of_migrants_on: string | null;
  firearms_on: string | null;
  redraws: number;
  pilot_initiative: boolean;
  observers: boolean;
  experts_women: number;
  experts_men: number;
}) {
  return {
    protocols: {
      trafficking_in_persons: party.trafficking_in_persons_on,
      smuggling_of_migrants: party.smuggling_of_migrants_on,
      firearms: party.firearms_on,
    },
    redraws: party.redraws,
    pilotInitiative: party.pilot_initiative,
    observers: party.observers,
    experts: { women: party.experts_women, men: party.experts_men },
  };
}

export type StoredParty = PartyRow & {
  names: Record<string, string>;
  alpha2: string | null;
  protocols: Record<(typeof PROTOCOLS)[number], string | null>;
  redraws: number;
  pilotInitiative: boolean;
  observers: boolean;
  experts: { women: number; men: number };
};
export type StoredStatus = { parties: StoredParty[]; reviews: ReviewRow[]; focalPoints: FocalPointRow[] };

/** Everything the status consists of, in the export's order (parties and reviews by code). */
export async function loadStatus(executor: Executor = getDb(), options: { forUpdate?: boolean } = {}): Promise<StoredStatus> {
  const [parties, reviews, focalPoints] = await Promise.all([
    executor.selectFrom("party").selectAll().orderBy("code").$if(!!options.forUpdate, (query) => query.forUpdate()).execute(),
    executor.selectFrom("country_review").selectAll().orderBy("cluster").orderBy("state_under_review").execute(),
    executor.selectFrom("focal_point").selectAll().orderBy("party_code").orderBy("designated_on").orderBy("id").execute(),
  ]);
  return {
    parties: parties.map((party) => ({
      code: party.code,
      name: party.name,
      kind: party.kind,
      group: party.review_group,
      joined_on: party.joined_on,
      names: party.names ?? {},
      alpha2: party.alpha2,
      ...partyFacts(party),
    })),
    reviews: reviews.map((review) => ({
      cluster: review.cluster,
      state_under_review: review.state_under_review,
      reviewer_1: review.reviewer_1,
      reviewer_2: review.reviewer_2,
      languages: review.languages,
      initial_consultation_on: review.initial_consultation_on,
      saq_submitted_on: review.saq_submitted_on,
      feedback_submitted_on: review.feedback_submitted_on,
      observations_final_on: review.observations_final_on,
    })),
    focalPoints: focalPoints.map((point) => ({
      party: point.party_code,
      ministry: point.ministry,
      gender: point.gender,
      designated_on: point.designated_on,
      replaced_on: point.replaced_on,
      name: point.name,
      email: point.email,
    })),
  };
}

/** The status without names and contacts: what statistics and public pages work from. */
export function toSnapshot(status: { parties: PartyRow[]; reviews: ReviewRow[]; focalPoints: FocalPointRow[] }): StatusSnapshot {
  return {
    parties: status.parties.map((party) => ({ code: party.code, group: party.group })),
    reviews: status.reviews,
    focalPoints: status.focalPoints.map(({ party, ministry, gender, designated_on, replaced_on }) => ({ party, ministry, gender, designated_on, replaced_on })),
  };
}

/**
 * Status data changes only when an import is applied, so the snapshot and party names are cached
 * under the last applied import: one small indexed query per page instead of four, and every app
 * instance sees a new import on its next request.
 */
type CachedSource = { illustrative: boolean; description: string; notes: Record<string, string> } | null;
const cache = new LRUCache<string, { snapshot: StatusSnapshot; parties: Array<{ code: string; name: string; names: Record<string, string>; group: number }>; source: CachedSource }>({ max: 4 });

async function getStatusVersion() {
  const last = await getDb()
    .selectFrom("review_import")
    .select(["id", "applied_at", "as_of"])
    .where("applied_at", "is not", null)
    .orderBy("applied_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return { key: last ? `${last.id}:${last.applied_at!.getTime()}` : "none", asOf: last?.as_of ?? null };
}

/** Views computed from the status alone (and their key's other parts), under the import they came from. */
const derivedViews = new LRUCache<string, object>({ max: 300 });

/**
 * A value that depends only on the review status and on `parts` (locale, filters…), computed once
 * per applied import instead of on every request: the /reviews dashboard's figures take ~1.5 ms to
 * compute from the snapshot. Callers must treat the value as read-only: it is shared.
 */
export async function derivedFromStatus<T extends object>(parts: string, compute: () => Promise<T>): Promise<T> {
  const version = await getStatusVersion();
  const key = `${version.key}|${version.asOf ?? ""}|${parts}`;
  let value = derivedViews.get(key) as T | undefined;
  if (!value) derivedViews.set(key, (value = await compute()));
  return value;
}

async function loadCachedStatus() {
  const version = await getStatusVersion();
  let entry = cache.get(version.key);
  if (!entry) {
    // The provenance changes only when an import is applied, like the status itself.
    const [snapshot, parties, source] = await Promise.all([
      loadSnapshot(),
      getDb().selectFrom("party").select(["code", "name", "names", "review_group as group"]).execute(),
      getDb().selectFrom("data_source").select(["illustrative", "description", "notes"]).where("dataset", "=", "reviews").executeTakeFirst(),
    ]);
    entry = { snapshot, parties: parties.map((party) => ({ ...party, names: party.names ?? {} })), source: source ?? null };
    cache.set(version.key, entry);
  }
  return { ...entry, asOf: version.asOf };
}

export async function loadSnapshot(executor: Executor = getDb()): Promise<StatusSnapshot> {
  const [parties, reviews, focalPoints] = await Promise.all([
    executor.selectFrom("party").select(["code", "review_group as group"]).execute(),
    executor
      .selectFrom("country_review")
      .select(["cluster", "state_under_review", "reviewer_1", "reviewer_2", "languages", ...REVIEW_DATE_FIELDS])
      .orderBy("cluster")
      .orderBy("state_under_review")
      .execute(),
    executor.selectFrom("focal_point").select(["party_code as party", "ministry", "gender", "designated_on", "replaced_on"]).execute(),
  ]);
  return { parties, reviews, focalPoints };
}

/**
 * The illustrative-data notice of the review status, or null when the status is real (the last
 * applied import said so) or empty. Every page and export of review status shows it.
 */
export async function getReviewsNotice(locale: Locale): Promise<DataNotice | null> {
  return noticeOf((await loadCachedStatus()).source, locale);
}

function noticeOf(source: CachedSource, locale: Locale): DataNotice | null {
  return source?.illustrative ? { dataset: "reviews", description: source.description, note: noteIn(source.notes, locale) } : null;
}

/** GET /reviews/stats.json: the figures of the data as it stands. */
export async function getReviewStats() {
  return computeStats((await loadCachedStatus()).snapshot);
}

/**
 * A party's name in `locale`: its UN short name (content/countries/un-short-names.tsv), else the
 * name the import gave in that language, else the imported (English) name.
 */
export function partyName(party: { code: string; name: string; names: Record<string, string> }, locale: Locale) {
  return unShortName(party.code, locale) || party.names[locale] || party.name;
}

function namesIn(parties: Array<{ code: string; name: string; names: Record<string, string>; group: number }>, locale: Locale) {
  return new Map(parties.map((party) => [party.code, { name: partyName(party, locale), group: party.group }]));
}

/**
 * The date the overdue check is measured on: the "status as of" date of the last applied import
 * when it gave one (the demo data: 2024-02-29, the paper's date), else the latest date in the data.
 */
function referenceDate(snapshot: StatusSnapshot, asOf: string | null): { date: string | null; source: "import" | "latest" } {
  if (asOf) return { date: asOf, source: "import" };
  return { date: latestDate(snapshot), source: "latest" };
}

/** Everything the /reviews dashboard shows, for the given filters. */
export async function getDashboard(filters: ReviewFilters, locale: Locale) {
  const { snapshot, parties, asOf, source } = await loadCachedStatus();
  const names = namesIn(parties, locale);
  const reference = referenceDate(snapshot, asOf);
  const stats = computeStats(snapshot, filters);
  const cluster = filters.cluster ?? "I";
  const overdue = reference.date ? findOverdue(snapshot, reference.date, filters) : [];
  // Reviews held up by a party without a focal point, per group: the paper's figure 1.
  const withFocalPoint = partiesWithCurrentFocalPoint(snapshot.focalPoints);
  const partiesWithout = snapshot.parties.filter((party) => !withFocalPoint.has(party.code) && (!filters.group || party.group === filters.group));
  const withoutByGroup = { "1": 0, "2": 0, "3": 0 } as Record<string, number>;
  for (const party of partiesWithout) withoutByGroup[String(party.group)]!++;
  return {
    notice: noticeOf(source, locale),
    stats,
    reference,
    gate: nextClusterGate(snapshot, cluster),
    gateCluster: cluster,
    partiesWithoutByGroup: withoutByGroup,
    overdue: overdue.map((item) => ({
      code: item.review.state_under_review,
      name: names.get(item.review.state_under_review)?.name ?? item.review.state_under_review,
      group: names.get(item.review.state_under_review)?.group ?? null,
      cluster: item.review.cluster,
      stage: item.stage,
      since: item.since,
      dueOn: item.dueOn,
      daysLate: item.daysLate,
    })),
    clusters: [...new Set(snapshot.reviews.map((review) => review.cluster))].sort(),
  };
}

export type ReviewListItem = ReviewRow & { stage: Stage; group: number | null; name: string; reviewer1Name: string; reviewer2Name: string };

/** Every review with its stage, filtered, sorted and paged as /reviews/list asks. */
export async function listReviews(query: Omit<ReviewListQuery, "page"> & { page?: number; perPage?: number }, locale: Locale) {
  const { snapshot, parties, source } = await loadCachedStatus();
  const names = namesIn(parties, locale);
  const withFocalPoint = partiesWithCurrentFocalPoint(snapshot.focalPoints);
  const needle = query.q?.toLocaleLowerCase(locale);
  const items: ReviewListItem[] = snapshot.reviews
    .map((review) => ({
      ...review,
      stage: deriveStage(review, (code) => withFocalPoint.has(code)),
      group: names.get(review.state_under_review)?.group ?? null,
      name: names.get(review.state_under_review)?.name ?? review.state_under_review,
      reviewer1Name: names.get(review.reviewer_1)?.name ?? review.reviewer_1,
      reviewer2Name: names.get(review.reviewer_2)?.name ?? review.reviewer_2,
    }))
    .filter(
      (item) =>
        (!query.group || item.group === query.group) &&
        (!query.cluster || item.cluster === query.cluster) &&
        (!query.stage || item.stage === query.stage) &&
        (!needle || item.name.toLocaleLowerCase(locale).includes(needle) || item.state_under_review.toLowerCase() === needle),
    );
  const collator = new Intl.Collator(locale);
  const byName = (a: ReviewListItem, b: ReviewListItem) => collator.compare(a.name, b.name);
  // Empty dates sort last in either direction.
  const byDate = (field: (typeof REVIEW_DATE_FIELDS)[number]) => (a: ReviewListItem, b: ReviewListItem) => (a[field] ?? "9999") .localeCompare(b[field] ?? "9999");
  const comparators: Record<ReviewListQuery["sort"], (a: ReviewListItem, b: ReviewListItem) => number> = {
    country: byName,
    group: (a, b) => (a.group ?? 9) - (b.group ?? 9),
    stage: (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
    consultation: byDate("initial_consultation_on"),
    saq: byDate("saq_submitted_on"),
    feedback: byDate("feedback_submitted_on"),
  };
  const compare = comparators[query.sort];
  const direction = query.dir === "desc" ? -1 : 1;
  items.sort((a, b) => direction * compare(a, b) || byName(a, b));
  const perPage = query.perPage ?? items.length;
  const page = query.page ?? 1;
  return {
    notice: noticeOf(source, locale),
    total: items.length,
    items: items.slice((page - 1) * perPage, page * perPage),
    pages: Math.max(1, Math.ceil(items.length / perPage)),
  };
}

const LIST_PAGE_SIZE = 50;

/** The /reviews/list page: the query it answers and one page of 50 reviews; the page shown is never past the last. */
export async function getReviewListView(query: ReviewListQuery, locale: Locale) {
  const result = await listReviews({ ...query, perPage: LIST_PAGE_SIZE }, locale);
  return { query, ...result, page: Math.min(query.page, result.pages) };
}

/** The public profile of a party, or null for an unknown code. No focal-point names or contacts. */
export async function getCountryProfile(code: string, locale: Locale, userId: string | null) {
  const db = getDb();
  const party = await db.selectFrom("party").selectAll().where("code", "=", code).executeTakeFirst();
  if (!party) return null;
  const [{ snapshot, parties, source }, history, following] = await Promise.all([
    loadCachedStatus(),
    db
      .selectFrom("country_review_history")
      .select(["cluster", "field", "old_value", "new_value", "changed_at"])
      .where("state_under_review", "=", code)
      .orderBy("changed_at", "desc")
      .orderBy("id", "desc")
      .limit(50)
      .execute(),
    userId
      ? db.selectFrom("country_follow").select("party_code").where("user_id", "=", userId).where("party_code", "=", code).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const names = namesIn(parties, locale);
  const withFocalPoint = partiesWithCurrentFocalPoint(snapshot.focalPoints);
  const has = (partyCode: string) => withFocalPoint.has(partyCode);
  const nameOf = (partyCode: string) => names.get(partyCode)?.name ?? partyCode;
  const describe = (review: StatusSnapshot["reviews"][number]) => ({
    ...review,
    stage: deriveStage(review, has),
    name: nameOf(review.state_under_review),
    parties: [review.state_under_review, review.reviewer_1, review.reviewer_2].map((partyCode) => ({ code: partyCode, name: nameOf(partyCode), focalPoint: has(partyCode) })),
  });
  return {
    notice: noticeOf(source, locale),
    code: party.code,
    name: partyName({ code: party.code, name: party.name, names: party.names ?? {} }, locale),
    kind: party.kind,
    group: party.review_group,
    joinedOn: party.joined_on,
    ...partyFacts(party),
    focalPointDesignated: has(party.code),
    reviews: snapshot.reviews.filter((review) => review.state_under_review === code).map(describe),
    reviewing: snapshot.reviews.filter((review) => review.reviewer_1 === code || review.reviewer_2 === code).map(describe),
    history: history.map((entry) => ({ ...entry, changed_at: entry.changed_at.toISOString() })),
    following: !!following,
  };
}

/** Parties with their names in `locale`, for the country index. */
export async function listParties(locale: Locale) {
  const names = namesIn((await loadCachedStatus()).parties, locale);
  const collator = new Intl.Collator(locale);
  return [...names].map(([code, party]) => ({ code, ...party })).sort((a, b) => collator.compare(a.name, b.name));
}

/** Focal points with names and contacts: for the signed-in secretariat only. */
export async function listFocalPointContacts(filter: { party?: string; current?: boolean }, locale: Locale) {
  const names = namesIn((await loadCachedStatus()).parties, locale);
  const rows = await getDb()
    .selectFrom("focal_point")
    .select(["id", "party_code", "ministry", "gender", "designated_on", "replaced_on", "name", "email"])
    .$if(!!filter.party, (query) => query.where("party_code", "=", filter.party!))
    .$if(!!filter.current, (query) => query.where("replaced_on", "is", null))
    .orderBy("party_code")
    .orderBy("designated_on")
    .execute();
  return rows.map((row) => ({ ...row, partyName: names.get(row.party_code)?.name ?? row.party_code }));
}
