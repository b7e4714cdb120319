/**
 * Checks the review-status demo data against the background paper's table (2024-02-29).
 *
 *   npx tsx scripts/review-demo/verify.ts [content/reviews]
 *
 * Reads content/reviews/demo/{parties,reviews,focal_points}.csv and content/reviews/parties.json,
 * prints every statistic and exits with status 1 if any differs from the expected value or a
 * consistency rule is broken.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "./csv";
import { STATUS_FILE_COLUMNS, statusFileColumns } from "../../app/modules/reviews/vocabulary";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DIR = resolve(process.argv[2] ?? join(ROOT, "content/reviews"));
const CUTOFF = "2024-02-29";
const GROUP_START: Record<string, string> = { "1": "2020-12-01", "2": "2021-11-01", "3": "2022-11-01" };
const FEW_WEEKS = 28;
const LANGS = new Set(["ar", "zh", "en", "fr", "ru", "es"]);

let failures = 0;
function check(label: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) console.log(`  ok    ${label}: ${a}`);
  else {
    failures++;
    console.log(`  FAIL  ${label}: ${a} (expected ${e})`);
  }
}
function rule(label: string, problems: string[]): void {
  if (problems.length === 0) console.log(`  ok    ${label}`);
  else {
    failures++;
    console.log(`  FAIL  ${label}: ${problems.length} problem(s), e.g. ${problems.slice(0, 5).join("; ")}`);
  }
}
function info(label: string, value: unknown): void {
  console.log(`  info  ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
}
const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const addDays = (s: string, n: number): string =>
  new Date(Date.parse(`${s}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const countBy = <T>(items: T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};
function readCsv(name: keyof typeof STATUS_FILE_COLUMNS): Array<Record<string, string>> {
  const text = readFileSync(join(DIR, "demo", name), "utf8");
  check(`${name} header`, text.split(/\r?\n/)[0], statusFileColumns(name).join(","));
  return parseCsv(text);
}

// ---------------------------------------------------------------------------------------------
console.log("Parties (demo/parties.csv)");
const parties = readCsv("parties.csv");
const partyByCode = new Map(parties.map((p) => [p.code, p]));
check("parties", parties.length, 189);
check("distinct codes", partyByCode.size, 189);
check("by kind", countBy(parties, (p) => p.kind), { regional_organization: 1, state: 188 });
check("regional organization", parties.filter((p) => p.kind === "regional_organization").map((p) => p.code), ["EUU"]);
check("by group", countBy(parties, (p) => p.group), { "1": 62, "2": 63, "3": 64 });
rule(
  "codes are alpha-3, names set, joined_on between 2000-12-12 and 2024-02-29",
  parties
    .filter(
      (p) =>
        !/^[A-Z]{3}$/.test(p.code) ||
        !p.name ||
        !isDate(p.joined_on) ||
        p.joined_on < "2000-12-12" ||
        p.joined_on > CUTOFF,
    )
    .map((p) => p.code),
);

// ---------------------------------------------------------------------------------------------
console.log("\nFocal points (demo/focal_points.csv)");
const fps = readCsv("focal_points.csv");
const current = fps.filter((f) => f.replaced_on === "");
const currentByParty = countBy(current, (f) => f.party);
const withFp = new Set(Object.keys(currentByParty));
const withoutFp = parties.filter((p) => !withFp.has(p.code)).map((p) => p.code);
check("current focal points", current.length, 171);
check("parties with a current focal point", withFp.size, 162);
check("parties without a focal point", withoutFp.length, 27);
check("current focal points who are women", current.filter((f) => f.gender === "female").length, 53);
const byMinistry = countBy(current, (f) => f.ministry);
check("current by ministry", byMinistry, { foreign_affairs: 82, interior: 27, justice: 62 });
info(
  "current by ministry, %",
  Object.fromEntries(Object.entries(byMinistry).map(([k, v]) => [k, Math.round((100 * v) / current.length)])),
);
const replacers = new Set(fps.filter((f) => f.replaced_on !== "").map((f) => f.party));
check("parties that replaced their focal point at least once", replacers.size, 67);
check(
  "parties with more than one current focal point (by number of current focal points)",
  countBy(Object.values(currentByParty).filter((n) => n > 1), String),
  { "2": 7, "3": 1 },
);
check("parties with more than one current focal point", Object.values(currentByParty).filter((n) => n > 1).length, 8);
info("women among current focal points, %", Math.round((1000 * current.filter((f) => f.gender === "female").length) / current.length) / 10);
rule(
  "focal-point rows: known party, valid ministry and gender",
  fps
    .filter(
      (f) =>
        !partyByCode.has(f.party) ||
        !["foreign_affairs", "justice", "interior", "other"].includes(f.ministry) ||
        !["female", "male", "other", "undisclosed"].includes(f.gender),
    )
    .map((f) => `${f.party} ${f.designated_on}`),
);
rule(
  "no focal-point rows for parties without a current focal point",
  fps.filter((f) => !withFp.has(f.party)).map((f) => f.party),
);
rule(
  "designated_on ≥ party's group start minus four weeks, dates ≤ 2024-02-29, designated < replaced",
  fps
    .filter((f) => {
      const g = partyByCode.get(f.party)?.group ?? "";
      const earliest = addDays(GROUP_START[g] ?? "9999-12-31", -FEW_WEEKS);
      return (
        !isDate(f.designated_on) ||
        f.designated_on < earliest ||
        f.designated_on > CUTOFF ||
        (f.replaced_on !== "" && (!isDate(f.replaced_on) || f.replaced_on > CUTOFF || f.replaced_on <= f.designated_on))
      );
    })
    .map((f) => `${f.party} ${f.designated_on}→${f.replaced_on}`),
);
rule(
  "every replaced focal point has a successor designated on the replacement date",
  fps
    .filter((f) => f.replaced_on !== "" && !fps.some((g) => g.party === f.party && g.designated_on === f.replaced_on && g !== f))
    .map((f) => `${f.party} ${f.replaced_on}`),
);

// ---------------------------------------------------------------------------------------------
console.log("\nReviews (demo/reviews.csv)");
const reviews = readCsv("reviews.csv");
const noFp = new Set(withoutFp);
const involved = (r: Record<string, string>): string[] => [r.state_under_review, r.reviewer_1, r.reviewer_2];
const stageOf = (r: Record<string, string>): string =>
  r.observations_final_on
    ? "completed"
    : r.feedback_submitted_on
      ? "list_of_observations"
      : r.saq_submitted_on
        ? "written_feedback"
        : r.initial_consultation_on
          ? "saq"
          : involved(r).every((p) => withFp.has(p))
            ? "initial_consultation"
            : "focal_points";
const groupOfReview = (r: Record<string, string>): string => partyByCode.get(r.state_under_review)?.group ?? "?";
const startedStages = new Set(["saq", "written_feedback", "list_of_observations", "completed"]);
const started = reviews.filter((r) => startedStages.has(stageOf(r)));
const notStarted = reviews.filter((r) => !startedStages.has(stageOf(r)));

check("reviews", reviews.length, 189);
check("cluster", countBy(reviews, (r) => r.cluster), { I: 189 });
check("distinct states under review", new Set(reviews.map((r) => r.state_under_review)).size, 189);
rule(
  "every party is state under review exactly once",
  parties.filter((p) => reviews.filter((r) => r.state_under_review === p.code).length !== 1).map((p) => p.code),
);
check("reviews by group", countBy(reviews, groupOfReview), { "1": 62, "2": 63, "3": 64 });
rule(
  "reviewers are known, distinct and differ from the state under review",
  reviews
    .filter((r) => {
      const [s, a, b] = involved(r);
      return !partyByCode.has(a) || !partyByCode.has(b) || a === b || a === s || b === s;
    })
    .map((r) => r.state_under_review),
);
const reviewerCounts = countBy(reviews.flatMap((r) => [r.reviewer_1, r.reviewer_2]), (c) => c);
check(
  "parties acting as reviewer more than 4 times",
  Object.entries(reviewerCounts).filter(([, n]) => n > 4).map(([c]) => c),
  [],
);
info(
  "reviewer assignments per party (times: parties)",
  countBy(parties, (p) => String(reviewerCounts[p.code] ?? 0)),
);
info(
  "reciprocal pairings (A reviews B and B reviews A)",
  reviews.filter((r) =>
    [r.reviewer_1, r.reviewer_2].some((x) => {
      const rx = reviews.find((q) => q.state_under_review === x);
      return rx !== undefined && (rx.reviewer_1 === r.state_under_review || rx.reviewer_2 === r.state_under_review);
    }),
  ).length,
);
const involvedByGroup: Record<string, number> = {};
for (const g of ["1", "2", "3"])
  involvedByGroup[g] = new Set(reviews.filter((r) => groupOfReview(r) === g).flatMap(involved)).size;
check("parties involved in each group's reviews", involvedByGroup, { "1": 130, "2": 131, "3": 134 });

console.log("\n  Stages");
check("started", started.length, 73);
check("started by stage", countBy(started, stageOf), { list_of_observations: 4, saq: 33, written_feedback: 36 });
check("completed", reviews.filter((r) => stageOf(r) === "completed").length, 0);
check("not started", notStarted.length, 116);
check("not started by stage", countBy(notStarted, stageOf), { focal_points: 67, initial_consultation: 49 });
check("SAQs submitted", reviews.filter((r) => r.saq_submitted_on).length, 40);
check("written feedback completed", reviews.filter((r) => r.feedback_submitted_on).length, 4);
const byGroupStage: Record<string, Record<string, number>> = {};
for (const g of ["1", "2", "3"]) byGroupStage[g] = countBy(reviews.filter((r) => groupOfReview(r) === g), stageOf);
info("stage by group", byGroupStage);
info("started by group", countBy(started, groupOfReview));
check(
  "list of observations reviews are all in group 1",
  started.filter((r) => stageOf(r) === "list_of_observations").every((r) => groupOfReview(r) === "1"),
  true,
);

console.log("\n  Dates");
rule(
  "dates valid and ordered (consultation ≤ SAQ ≤ feedback ≤ observations ≤ 2024-02-29), no gaps",
  reviews
    .filter((r) => {
      const ds = [r.initial_consultation_on, r.saq_submitted_on, r.feedback_submitted_on, r.observations_final_on];
      const set = ds.filter(Boolean);
      const prefix = ds.findIndex((d) => !d);
      const gapless = prefix === -1 || ds.slice(prefix).every((d) => !d);
      return (
        !gapless ||
        set.some((d) => !isDate(d) || d > CUTOFF) ||
        set.some((d, i) => i > 0 && d < set[i - 1])
      );
    })
    .map((r) => r.state_under_review),
);
rule(
  "consultation on or after the group's start date",
  started.filter((r) => r.initial_consultation_on < GROUP_START[groupOfReview(r)]).map((r) => r.state_under_review),
);
rule(
  "not-started reviews have no languages and no dates",
  notStarted
    .filter((r) => r.languages || r.saq_submitted_on || r.feedback_submitted_on || r.observations_final_on)
    .map((r) => r.state_under_review),
);

console.log("\n  Working languages of the started reviews");
const langKey = (r: Record<string, string>): string =>
  r.languages
    .split(";")
    .filter(Boolean)
    .sort()
    .join("+");
rule(
  "language codes valid, at most three",
  reviews
    .filter((r) => {
      const ls = r.languages.split(";").filter(Boolean);
      return ls.length > 3 || ls.some((l) => !LANGS.has(l)) || new Set(ls).size !== ls.length;
    })
    .map((r) => r.state_under_review),
);
const nLangs = (r: Record<string, string>): number => r.languages.split(";").filter(Boolean).length;
check("by number of languages", countBy(started, (r) => String(nLangs(r))), { "0": 2, "1": 47, "2": 20, "3": 4 });
check(
  "one language",
  countBy(started.filter((r) => nLangs(r) === 1), langKey),
  { ar: 1, en: 42, es: 2, fr: 2 },
);
check(
  "two languages",
  countBy(started.filter((r) => nLangs(r) === 2), langKey),
  { "ar+en": 7, "en+es": 4, "en+fr": 6, "en+ru": 1, "en+zh": 1, "es+fr": 1 },
);
info("three languages", countBy(started.filter((r) => nLangs(r) === 3), langKey));
check("not agreed", started.filter((r) => nLangs(r) === 0).length, 2);

console.log("\n  Focal points and review progress");
rule(
  "every started review has a current focal point for all three parties",
  started.filter((r) => !involved(r).every((p) => withFp.has(p))).map((r) => r.state_under_review),
);
rule(
  "every party of a started review had a focal point designated on or before the consultation",
  started
    .filter((r) =>
      involved(r).some((p) => !fps.some((f) => f.party === p && f.designated_on <= r.initial_consultation_on)),
    )
    .map((r) => r.state_under_review),
);
const affected = reviews.filter((r) => involved(r).some((p) => noFp.has(p)));
check("reviews held up by a party without a focal point", affected.length, 67);
check("of which not started", affected.filter((r) => stageOf(r) === "focal_points").length, 67);
info("held-up reviews by group", countBy(affected, groupOfReview));

// ---------------------------------------------------------------------------------------------
console.log("\nParty details (parties.json)");
interface PartyJson {
  code: string;
  alpha2: string;
  names: Record<string, string>;
  kind: string;
  group: number;
  joinedOn: string;
  protocols: Record<string, string | null>;
  redraws: number;
  pilotInitiative: boolean;
  observers: boolean;
  experts: { women: number; men: number };
}
const details = JSON.parse(readFileSync(join(DIR, "parties.json"), "utf8")) as PartyJson[];
check("entries", details.length, 189);
rule(
  "entries match parties.csv (code, kind, group, joinedOn)",
  details
    .filter((d) => {
      const p = partyByCode.get(d.code);
      return !p || p.kind !== d.kind || p.group !== String(d.group) || p.joined_on !== d.joinedOn;
    })
    .map((d) => d.code),
);
rule(
  "alpha-2 code and names in ar, zh, en, fr, ru, es, pt",
  details
    .filter(
      (d) =>
        !/^[A-Z]{2}$/.test(d.alpha2) ||
        ["ar", "zh", "en", "fr", "ru", "es", "pt"].some((l) => typeof d.names?.[l] !== "string" || !d.names[l]),
    )
    .map((d) => d.code),
);
rule(
  "protocol dates are null or valid dates on/before 2024-02-29",
  details
    .filter((d) =>
      ["trafficking_in_persons", "smuggling_of_migrants", "firearms"].some((k) => {
        const v = d.protocols?.[k];
        return v === undefined || (v !== null && (!isDate(v) || v > CUTOFF));
      }),
    )
    .map((d) => d.code),
);
info("parties to each protocol", {
  trafficking_in_persons: details.filter((d) => d.protocols.trafficking_in_persons).length,
  smuggling_of_migrants: details.filter((d) => d.protocols.smuggling_of_migrants).length,
  firearms: details.filter((d) => d.protocols.firearms).length,
});
check("pilot initiatives", details.filter((d) => d.pilotInitiative).map((d) => d.code).sort(), ["KEN", "MEX", "PAK"]);
check("parties with observers", details.filter((d) => d.observers).length, 15);
check("governmental experts", details.reduce((n, d) => n + d.experts.women + d.experts.men, 0), 1006);
check("governmental experts who are women", details.reduce((n, d) => n + d.experts.women, 0), 391);
rule(
  "expert counts are non-negative integers",
  details
    .filter((d) => ![d.experts.women, d.experts.men].every((n) => Number.isInteger(n) && n >= 0))
    .map((d) => d.code),
);
rule(
  "redraws are integers 0–4",
  details.filter((d) => !Number.isInteger(d.redraws) || d.redraws < 0 || d.redraws > 4).map((d) => d.code),
);
info("parties with redraws", details.filter((d) => d.redraws > 0).map((d) => `${d.code}:${d.redraws}`).join(", "));

console.log(failures === 0 ? "\nAll checks passed." : `\n${failures} check(s) failed.`);
process.exit(failures === 0 ? 0 : 1);
