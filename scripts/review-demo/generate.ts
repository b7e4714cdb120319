/**
 * Deterministic generator for the review-status demo data (cluster I, status on 2024-02-29).
 *
 *   npx tsx scripts/review-demo/generate.ts
 *
 * Writes content/reviews/demo/{parties,reviews,focal_points}.csv and content/reviews/parties.json
 * so that the statistics of the secretariat's background paper come out exactly (check with
 * scripts/review-demo/verify.ts). All randomness comes from a seeded PRNG: the same seed always
 * gives the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { toCsv } from "./csv";
import { statusFileColumns } from "../../app/modules/reviews/vocabulary";
import { readUnShortNames } from "../../app/modules/countries/countries.server";
import {
  NAME_OVERRIDES,
  NO_FOCAL_POINT,
  PARTY_ROWS,
  STARTED_ENGLISH,
  STARTED_LANGUAGES,
} from "./data";

const SEED = 20240229;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const OUT = join(ROOT, "content/reviews");

// ---------------------------------------------------------------------------------------------
// Seeded PRNG and helpers
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
function shuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

const DAY = 86_400_000;
const day = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY;
const iso = (d: number): string => new Date(d * DAY).toISOString().slice(0, 10);
const END = day("2024-02-29");

type Group = 1 | 2 | 3;
const GROUPS: Group[] = [1, 2, 3];
const GROUP_START: Record<Group, number> = {
  1: day("2020-12-01"),
  2: day("2021-11-01"),
  3: day("2022-11-01"),
};
/** Distinct parties involved in each group's reviews, as reported in the seed (§7). */
const GROUP_INVOLVED: Record<Group, number> = { 1: 130, 2: 131, 3: 134 };

// ---------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------

const parties = PARTY_ROWS.map(([code, alpha2, name, lang, untoc, tip, som, fa]) => ({
  code,
  alpha2,
  name,
  lang,
  untoc,
  tip,
  som,
  fa,
}));
assert(parties.length === 189, `expected 189 parties, got ${parties.length}`);
assert(new Set(parties.map((p) => p.code)).size === 189, "duplicate party code");
const byCode = new Map(parties.map((p) => [p.code, p]));
const noFp = new Set(NO_FOCAL_POINT);
assert(noFp.size === 27, "expected 27 parties without a focal point");
for (const c of noFp) assert(byCode.has(c), `unknown party ${c}`);

// ---------------------------------------------------------------------------------------------
// Reviews: state under review, group, stage, languages
// ---------------------------------------------------------------------------------------------

type Stage =
  | "focal_points"
  | "initial_consultation"
  | "saq"
  | "written_feedback"
  | "list_of_observations";
/** started; ic = not started, all focal points present; fpn / fpx = not started, a focal point
 * missing (fpn: the state under review has none; fpx: only a reviewer has none). */
type Cat = "started" | "ic" | "fpn" | "fpx";

interface Review {
  sur: string;
  group: Group;
  cat: Cat;
  stage: Stage;
  languages: string; // sorted codes joined by ";"
  reviewers: [string, string];
  consultation?: number;
  saq?: number;
  feedback?: number;
}

const PLAN: Record<
  Group,
  { list_of_observations: number; written_feedback: number; saq: number; fpn: number; fpx: number; ic: number }
> = {
  1: { list_of_observations: 4, written_feedback: 20, saq: 10, fpn: 8, fpx: 12, ic: 8 },
  2: { list_of_observations: 0, written_feedback: 12, saq: 13, fpn: 9, fpx: 13, ic: 16 },
  3: { list_of_observations: 0, written_feedback: 4, saq: 10, fpn: 10, fpx: 15, ic: 25 },
};

const started: Array<{ sur: string; languages: string }> = [];
for (const [key, surs] of Object.entries(STARTED_LANGUAGES))
  for (const sur of surs) started.push({ sur, languages: key.split("+").filter(Boolean).join(";") });
for (const sur of STARTED_ENGLISH) started.push({ sur, languages: "en" });
assert(started.length === 73, `expected 73 started reviews, got ${started.length}`);
assert(new Set(started.map((s) => s.sur)).size === 73, "duplicate started state under review");
for (const s of started) {
  assert(byCode.has(s.sur), `unknown party ${s.sur}`);
  assert(!noFp.has(s.sur), `${s.sur} has no focal point but its review started`);
}
const startedSet = new Set(started.map((s) => s.sur));

const reviews: Review[] = [];
{
  const startedPool = shuffle(started);
  const waitingPool = shuffle(parties.filter((p) => !noFp.has(p.code) && !startedSet.has(p.code)).map((p) => p.code));
  const noFpPool = shuffle([...noFp]);
  for (const g of GROUPS) {
    const plan = PLAN[g];
    const nStarted = plan.list_of_observations + plan.written_feedback + plan.saq;
    // Reviews whose languages are not yet agreed are still at the SAQ stage.
    const mine = startedPool.splice(0, nStarted).sort((a, b) => Number(a.languages !== "") - Number(b.languages !== ""));
    const stages: Stage[] = [
      ...Array<Stage>(plan.saq).fill("saq"),
      ...shuffle([
        ...Array<Stage>(plan.written_feedback).fill("written_feedback"),
        ...Array<Stage>(plan.list_of_observations).fill("list_of_observations"),
      ]),
    ];
    mine.forEach((s, i) =>
      reviews.push({ sur: s.sur, group: g, cat: "started", stage: stages[i], languages: s.languages, reviewers: ["", ""] }),
    );
    for (const sur of noFpPool.splice(0, plan.fpn))
      reviews.push({ sur, group: g, cat: "fpn", stage: "focal_points", languages: "", reviewers: ["", ""] });
    for (const sur of waitingPool.splice(0, plan.fpx))
      reviews.push({ sur, group: g, cat: "fpx", stage: "focal_points", languages: "", reviewers: ["", ""] });
    for (const sur of waitingPool.splice(0, plan.ic))
      reviews.push({ sur, group: g, cat: "ic", stage: "initial_consultation", languages: "", reviewers: ["", ""] });
  }
  assert(startedPool.length === 0 && waitingPool.length === 0 && noFpPool.length === 0, "plan does not use every party");
}
assert(reviews.length === 189, "expected 189 reviews");

// ---------------------------------------------------------------------------------------------
// Reviewer pairings: simulated annealing over swaps of reviewer slots. Every party reviews
// exactly twice. Hard constraints: reviewers distinct and not the state under review; started
// and initial-consultation reviews involve no party without a focal point; every "fpx" review
// has at least one reviewer without a focal point. Soft: no reciprocal reviews, and the number
// of distinct parties involved per group as in the seed (130 / 131 / 134).
// ---------------------------------------------------------------------------------------------
{
  const P = parties.length;
  const idx = new Map(parties.map((p, i) => [p.code, i]));
  const isNoFp = parties.map((p) => noFp.has(p.code));
  const sur = reviews.map((r) => idx.get(r.sur)!);
  const reviewLangs = reviews.map((r) =>
    r.cat === "started" && r.languages !== "" && !r.languages.split(";").includes("en")
      ? new Set(r.languages.split(";"))
      : null,
  );
  const inGroup1 = parties.map((p) => reviews.some((r) => r.sur === p.code && r.group === 1));
  const reviewOf = new Int32Array(P);
  sur.forEach((s, r) => (reviewOf[s] = r));
  const slots = new Int32Array(2 * reviews.length);
  shuffle([...parties.keys(), ...parties.keys()]).forEach((p, i) => (slots[i] = p));
  const seen = new Int32Array(P * 3);
  let epoch = 0;

  const cost = (): number => {
    let c = 0;
    for (let r = 0; r < reviews.length; r++) {
      const a = slots[2 * r];
      const b = slots[2 * r + 1];
      const s = sur[r];
      if (a === s || b === s || a === b) c += 1000;
      const cat = reviews[r].cat;
      if (cat === "started" || cat === "ic") c += 1000 * (Number(isNoFp[a]) + Number(isNoFp[b]));
      else if (cat === "fpx" && !isNoFp[a] && !isNoFp[b]) c += 1000;
      // A review already at the list of observations began early: its reviewers are group 1
      // parties (who designated their focal points when group 1 started).
      if (reviews[r].stage === "list_of_observations") c += 1000 * (Number(!inGroup1[a]) + Number(!inGroup1[b]));
      // Reviews agreed without English: reviewers should work in the agreed language(s).
      const langs = reviewLangs[r];
      if (langs !== null) c += 3 * (Number(!langs.has(parties[a].lang)) + Number(!langs.has(parties[b].lang)));
      for (const x of [a, b]) {
        const rx = reviewOf[x];
        if (slots[2 * rx] === s || slots[2 * rx + 1] === s) c += 2;
      }
    }
    epoch++;
    const involved = [0, 0, 0];
    for (let r = 0; r < reviews.length; r++) {
      const g = reviews[r].group - 1;
      for (const x of [sur[r], slots[2 * r], slots[2 * r + 1]]) {
        if (seen[g * P + x] !== epoch) {
          seen[g * P + x] = epoch;
          involved[g]++;
        }
      }
    }
    for (const g of GROUPS) c += 10 * Math.abs(involved[g - 1] - GROUP_INVOLVED[g]);
    return c;
  };

  let current = cost();
  const ITER = 600_000;
  for (let it = 0; it < ITER && current > 0; it++) {
    const temp = 20 * Math.pow(0.0005, it / ITER);
    const i = Math.floor(rand() * slots.length);
    const j = Math.floor(rand() * slots.length);
    if (i === j || slots[i] === slots[j]) continue;
    [slots[i], slots[j]] = [slots[j], slots[i]];
    const next = cost();
    if (next <= current || rand() < Math.exp((current - next) / temp)) current = next;
    else [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  assert(current < 1000, `reviewer pairing search left hard violations (cost ${current})`);
  if (current > 0) console.warn(`reviewer pairing: soft cost ${current} (reciprocal reviews or group involvement off)`);
  reviews.forEach((r, i) => {
    const a = parties[slots[2 * i]].code;
    const b = parties[slots[2 * i + 1]].code;
    r.reviewers = a < b ? [a, b] : [b, a];
  });
}

// ---------------------------------------------------------------------------------------------
// Review dates
// ---------------------------------------------------------------------------------------------

// A party designates its focal point no earlier than three weeks before its own group starts,
// and a review cannot start before all three of its parties have one.
const groupOf = new Map(reviews.map((r) => [r.sur, r.group]));
const fpEarliest = (code: string): number => GROUP_START[groupOf.get(code)!] - 21;
const between = (lo: number, hi: number): number => (hi <= lo ? lo : int(lo, hi));
for (const r of reviews) {
  if (r.cat !== "started") continue;
  const start = Math.max(GROUP_START[r.group], ...[r.sur, ...r.reviewers].map((p) => fpEarliest(p) + 7));
  const hasSaq = r.stage === "written_feedback" || r.stage === "list_of_observations";
  const hasFeedback = r.stage === "list_of_observations";
  // Latest plausible consultation so that the later steps still fit before the cut-off.
  const latest = hasFeedback ? day("2022-03-31") : hasSaq ? END - 150 : END - 20;
  const earliest = start + 14;
  const spread = r.group === 1 ? 560 : r.group === 2 ? 500 : 400;
  r.consultation = between(earliest, Math.min(latest, earliest + spread));
  if (hasSaq) {
    const saqLatest = hasFeedback ? END - 120 : END - 7;
    r.saq = Math.min(r.consultation + int(110, 380), saqLatest);
    if (r.saq <= r.consultation) r.saq = r.consultation + 1;
  }
  if (hasFeedback) r.feedback = Math.min(r.saq! + int(120, 420), END - 3);
}

// ---------------------------------------------------------------------------------------------
// Focal points
// ---------------------------------------------------------------------------------------------

type Ministry = "foreign_affairs" | "justice" | "interior" | "other";
type Gender = "female" | "male" | "other" | "undisclosed";
interface FocalPoint {
  party: string;
  ministry: Ministry;
  gender: Gender;
  designated: number;
  replaced?: number;
}

const firstConsultation = new Map<string, number>();
for (const r of reviews) {
  for (const p of [r.sur, ...r.reviewers]) {
    if (r.consultation !== undefined)
      firstConsultation.set(p, Math.min(firstConsultation.get(p) ?? Infinity, r.consultation));
  }
}

const withFp = parties.filter((p) => !noFp.has(p.code)).map((p) => p.code);
assert(withFp.length === 162, "expected 162 parties with a focal point");
const currentCount = new Map<string, number>(withFp.map((c) => [c, 1]));
shuffle(withFp)
  .slice(0, 8)
  .forEach((c, i) => currentCount.set(c, i === 0 ? 3 : 2));
const chainLength = new Map<string, number>();
shuffle(withFp)
  .slice(0, 67)
  .forEach((c, i) => chainLength.set(c, i < 10 ? 2 : 1));

const nCurrent = [...currentCount.values()].reduce((a, b) => a + b, 0);
assert(nCurrent === 171, `expected 171 current focal points, got ${nCurrent}`);
const currentMinistries = shuffle<Ministry>([
  ...Array<Ministry>(82).fill("foreign_affairs"),
  ...Array<Ministry>(62).fill("justice"),
  ...Array<Ministry>(27).fill("interior"),
]);
const currentGenders = shuffle<Gender>([
  ...Array<Gender>(53).fill("female"),
  ...Array<Gender>(116).fill("male"),
  ...Array<Gender>(2).fill("undisclosed"),
]);
const randomMinistry = (): Ministry => {
  const u = rand();
  return u < 0.5 ? "foreign_affairs" : u < 0.82 ? "justice" : u < 0.97 ? "interior" : "other";
};
const randomGender = (): Gender => (rand() < 0.33 ? "female" : "male");

const focalPoints: FocalPoint[] = [];
for (const code of withFp) {
  const start = GROUP_START[groupOf.get(code)!];
  const lower = fpEarliest(code);
  const upper = Math.min(firstConsultation.get(code) ?? Infinity, start + 240, END - 150);
  const d0 = lower + Math.floor(Math.pow(rand(), 1.6) * (upper - lower + 1));
  // The main focal point and its successors.
  const k = chainLength.get(code) ?? 0;
  const dates = [Math.min(d0, upper)];
  for (let i = 0; i < k; i++) {
    const prev = dates[i];
    const remaining = k - i;
    const room = END - prev - 30 * remaining;
    dates.push(prev + 30 + Math.floor(rand() * Math.max(1, room / remaining)));
  }
  for (let i = 0; i < k; i++)
    focalPoints.push({ party: code, ministry: randomMinistry(), gender: randomGender(), designated: dates[i], replaced: dates[i + 1] });
  const currents = currentCount.get(code)!;
  for (let i = 0; i < currents; i++) {
    const designated = i === 0 ? dates[k] : Math.min(END, dates[0] + int(0, Math.max(0, END - dates[0])));
    focalPoints.push({ party: code, ministry: currentMinistries.pop()!, gender: currentGenders.pop()!, designated });
  }
}

// ---------------------------------------------------------------------------------------------
// Richer party data for parties.json
// ---------------------------------------------------------------------------------------------

const LOCALES = ["ar", "zh", "en", "fr", "ru", "es", "pt"] as const;
const displayNames = Object.fromEntries(
  LOCALES.map((l) => [l, new Intl.DisplayNames([l], { type: "region" })]),
) as Record<(typeof LOCALES)[number], Intl.DisplayNames>;

const observers = new Set(shuffle([...startedSet]).slice(0, 15));
const redraws = new Map<string, number>();
shuffle(parties.map((p) => p.code))
  .slice(0, 7)
  .forEach((c, i) => redraws.set(c, [1, 1, 1, 2, 2, 3, 4][i]));

// 1,006 governmental experts (391 women) spread over parties with a focal point; a few
// parties with a focal point have designated no experts yet.
const experts = new Map<string, { women: number; men: number }>(parties.map((p) => [p.code, { women: 0, men: 0 }]));
{
  const catOf = new Map(reviews.map((r) => [r.sur, r.cat]));
  const weights = withFp.map((c) => {
    const base = catOf.get(c) === "started" ? 3 : catOf.get(c) === "ic" ? 1.5 : 1;
    return rand() < 0.08 ? 0 : base * (0.3 + rand());
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const tokens: string[] = [];
  for (let n = 0; n < 1006; n++) {
    let u = rand() * total;
    let i = 0;
    while (u >= weights[i] || weights[i] === 0) {
      u -= weights[i];
      i++;
      if (i >= weights.length) i = weights.findIndex((w) => w > 0);
    }
    tokens.push(withFp[i]);
  }
  shuffle(tokens).forEach((c, n) => {
    const e = experts.get(c)!;
    if (n < 391) e.women++;
    else e.men++;
  });
}

// Every party is named by its UN short name (content/countries/un-short-names.tsv).
const unNames = readUnShortNames();

const partiesJson = parties.map((p) => ({
  code: p.code,
  alpha2: p.alpha2,
  names: Object.fromEntries(
    LOCALES.map((l) => [l, unNames.get(p.code)?.[l] ?? NAME_OVERRIDES[p.code]?.[l] ?? displayNames[l].of(p.alpha2) ?? p.name]),
  ),
  kind: p.code === "EUU" ? "regional_organization" : "state",
  group: groupOf.get(p.code)!,
  joinedOn: p.untoc,
  protocols: { trafficking_in_persons: p.tip, smuggling_of_migrants: p.som, firearms: p.fa },
  redraws: redraws.get(p.code) ?? 0,
  pilotInitiative: ["KEN", "PAK", "MEX"].includes(p.code),
  observers: observers.has(p.code),
  experts: experts.get(p.code)!,
}));

// ---------------------------------------------------------------------------------------------
// Write the files
// ---------------------------------------------------------------------------------------------

mkdirSync(join(OUT, "demo"), { recursive: true });

writeFileSync(
  join(OUT, "demo/parties.csv"),
  toCsv(
    statusFileColumns("parties.csv"),
    parties.map((p) => ({
      code: p.code,
      name: unNames.get(p.code)?.en ?? p.name,
      kind: p.code === "EUU" ? "regional_organization" : "state",
      group: String(groupOf.get(p.code)),
      joined_on: p.untoc,
    })),
  ),
);

const opt = (d: number | undefined): string => (d === undefined ? "" : iso(d));
writeFileSync(
  join(OUT, "demo/reviews.csv"),
  toCsv(
    statusFileColumns("reviews.csv"),
    [...reviews]
      .sort((a, b) => a.group - b.group || a.sur.localeCompare(b.sur))
      .map((r) => ({
        cluster: "I",
        state_under_review: r.sur,
        reviewer_1: r.reviewers[0],
        reviewer_2: r.reviewers[1],
        languages: r.languages,
        initial_consultation_on: opt(r.consultation),
        saq_submitted_on: opt(r.saq),
        feedback_submitted_on: opt(r.feedback),
        observations_final_on: "",
      })),
  ),
);

const fpRows: Array<Record<string, string>> = [];
for (const code of [...withFp].sort()) {
  focalPoints
    .filter((f) => f.party === code)
    .sort((a, b) => a.designated - b.designated || Number(a.replaced === undefined) - Number(b.replaced === undefined))
    .forEach((f, i) =>
      fpRows.push({
        party: f.party,
        ministry: f.ministry,
        gender: f.gender,
        designated_on: iso(f.designated),
        replaced_on: opt(f.replaced),
        name: `Focal point ${f.party}-${i + 1}`,
        email: `fp-${f.party.toLowerCase()}-${i + 1}@example.org`,
      }),
    );
}
writeFileSync(
  join(OUT, "demo/focal_points.csv"),
  toCsv(statusFileColumns("focal_points.csv"), fpRows),
);

writeFileSync(join(OUT, "parties.json"), JSON.stringify(partiesJson, null, 2) + "\n");

console.log(
  `wrote ${parties.length} parties, ${reviews.length} reviews, ${fpRows.length} focal-point rows to ${OUT}`,
);
