/**
 * Reading and writing the status files of the import contract — parties.csv, reviews.csv,
 * focal_points.csv and the optional parties.json of party details — as pure functions: every
 * problem is collected with its file, line and column; nothing here touches the database.
 */
import { parse } from "csv-parse/sync";
import { readCsvCell, toCsv } from "~/utils/csv.server";
import { z } from "zod";
import { CLUSTERS } from "~/modules/treaty/vocabulary";
import { GENDERS, MINISTRIES, PARTY_KINDS, PROTOCOLS, REVIEW_DATE_FIELDS, STATUS_FILE_COLUMNS as COLUMNS, WORKING_LANGUAGES } from "./vocabulary";

export const STATUS_FILES = ["parties.csv", "reviews.csv", "focal_points.csv"] as const;
export const DETAILS_FILE = "parties.json";
export type StatusFileName = (typeof STATUS_FILES)[number] | typeof DETAILS_FILE;
/** The raw uploaded or read files, by name; parties.json is optional. */
export type StatusFiles = Partial<Record<StatusFileName, string | Uint8Array>>;

export { STATUS_FILE_COLUMNS as COLUMNS } from "./vocabulary";

export const PROBLEM_CODES = [
  "missingFile",
  "notUtf8",
  "emptyFile",
  "malformedCsv",
  "missingColumn",
  "unknownColumn",
  "duplicateColumn",
  "extraValues",
  "required",
  "tooLong",
  "badCode",
  "badEnum",
  "badGroup",
  "badDate",
  "badEmail",
  "duplicateParty",
  "unknownParty",
  "duplicateReview",
  "reviewerIsReviewed",
  "sameReviewers",
  "badLanguage",
  "duplicateLanguage",
  "tooManyLanguages",
  "datesOutOfOrder",
  "dateMissingEarlier",
  "badJson",
  "badDetails",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One problem of an import, located precisely; rendered through reviews:import.problems.<code>. */
export type ImportProblem = {
  file: StatusFileName;
  line: number | null;
  column: string | null;
  code: ProblemCode;
  values?: Record<string, string | number>;
};

export type PartyRow = { code: string; name: string; kind: (typeof PARTY_KINDS)[number]; group: number; joined_on: string };
export type ReviewRow = {
  cluster: string;
  state_under_review: string;
  reviewer_1: string;
  reviewer_2: string;
  languages: string[];
  initial_consultation_on: string | null;
  saq_submitted_on: string | null;
  feedback_submitted_on: string | null;
  observations_final_on: string | null;
};
export type FocalPointRow = {
  party: string;
  ministry: (typeof MINISTRIES)[number];
  gender: (typeof GENDERS)[number];
  designated_on: string;
  replaced_on: string | null;
  name: string | null;
  email: string | null;
};
export type PartyDetails = {
  code: string;
  alpha2: string | null;
  names: Record<string, string>;
  protocols: Record<(typeof PROTOCOLS)[number], string | null>;
  redraws: number;
  pilotInitiative: boolean;
  observers: boolean;
  experts: { women: number; men: number };
};
export type StatusData = { parties: PartyRow[]; reviews: ReviewRow[]; focalPoints: FocalPointRow[]; details: PartyDetails[] | null };

export function isIsoDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function decode(content: string | Uint8Array): string | null {
  if (typeof content === "string") return content.replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content).replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}

type CsvRecord = { line: number; values: Record<string, string> };

/** Parses one CSV file and checks its header; returns its records, or null if unusable. */
function readCsv(file: (typeof STATUS_FILES)[number], content: string | Uint8Array | undefined, problems: ImportProblem[]): CsvRecord[] | null {
  const fail = (code: ProblemCode, line: number | null = null, column: string | null = null, values?: ImportProblem["values"]) => {
    problems.push({ file, line, column, code, ...(values ? { values } : {}) });
    return null;
  };
  if (content === undefined) return fail("missingFile");
  const text = decode(content);
  if (text === null) return fail("notUtf8");
  if (text.trim() === "") return fail("emptyFile");
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Whole lines starting with "#" are comments: exports of illustrative data open with a notice.
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, comment: "#", comment_no_infix: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : null;
    return fail("malformedCsv", line);
  }
  const [header, ...body] = records;
  if (!header) return fail("emptyFile");
  const headerLine = header.info.lines;
  const columns = header.record.map((name) => name.trim());
  const { required, optional } = COLUMNS[file];
  const known = new Set<string>([...required, ...optional]);
  const before = problems.length;
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) fail("duplicateColumn", headerLine, column);
    seen.add(column);
    if (!known.has(column)) fail("unknownColumn", headerLine, column, { expected: [...required].join(",") });
  }
  for (const column of required) if (!seen.has(column)) fail("missingColumn", headerLine, column);
  if (problems.length > before) return null;
  const result: CsvRecord[] = [];
  for (const { record, info } of body) {
    if (record.length > columns.length) fail("extraValues", info.lines, null, { count: record.length, expected: columns.length });
    const values: Record<string, string> = {};
    columns.forEach((column, index) => (values[column] = readCsvCell((record[index] ?? "").trim())));
    result.push({ line: info.lines, values });
  }
  return result;
}

const Email = z.email();

/** Validates the files against each other; returns the data only when there is no problem. */
export function readStatusFiles(files: StatusFiles): { data: StatusData | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const partyRecords = readCsv("parties.csv", files["parties.csv"], problems);
  const reviewRecords = readCsv("reviews.csv", files["reviews.csv"], problems);
  const focalRecords = readCsv("focal_points.csv", files["focal_points.csv"], problems);

  const problem = (file: StatusFileName, line: number | null, column: string | null, code: ProblemCode, values?: ImportProblem["values"]) =>
    problems.push({ file, line, column, code, ...(values ? { values } : {}) });
  const checkDate = (file: StatusFileName, record: CsvRecord, column: string, required: boolean): string | null | undefined => {
    const value = record.values[column] ?? "";
    if (value === "") {
      if (required) problem(file, record.line, column, "required");
      return required ? undefined : null;
    }
    if (!isIsoDate(value)) {
      problem(file, record.line, column, "badDate", { value });
      return undefined;
    }
    return value;
  };
  const checkEnum = <T extends string>(file: StatusFileName, record: CsvRecord, column: string, allowed: readonly T[]): T | undefined => {
    const value = record.values[column] ?? "";
    if (value === "") problem(file, record.line, column, "required");
    else if (!(allowed as readonly string[]).includes(value)) problem(file, record.line, column, "badEnum", { value, allowed: allowed.join(", ") });
    else return value as T;
    return undefined;
  };

  // parties.csv
  const parties: PartyRow[] = [];
  const partyLines = new Map<string, number>();
  for (const record of partyRecords ?? []) {
    const { code, name, group } = record.values as Record<string, string>;
    const before = problems.length;
    if (!code) problem("parties.csv", record.line, "code", "required");
    else if (!/^[A-Z]{3}$/.test(code)) problem("parties.csv", record.line, "code", "badCode", { value: code });
    else if (partyLines.has(code)) problem("parties.csv", record.line, "code", "duplicateParty", { value: code, firstLine: partyLines.get(code)! });
    else partyLines.set(code, record.line);
    if (!name) problem("parties.csv", record.line, "name", "required");
    else if (name.length > 200) problem("parties.csv", record.line, "name", "tooLong", { max: 200 });
    const kind = checkEnum("parties.csv", record, "kind", PARTY_KINDS);
    if (!/^[123]$/.test(group ?? "")) problem("parties.csv", record.line, "group", group ? "badGroup" : "required", { value: group ?? "" });
    const joined = checkDate("parties.csv", record, "joined_on", true);
    if (problems.length === before) parties.push({ code: code!, name: name!, kind: kind!, group: Number(group), joined_on: joined! });
  }
  // A party code that is malformed or duplicated still counts as "known" so that its reviews do
  // not report a second, misleading problem.
  const knownParty = (code: string) => partyLines.has(code) || (partyRecords ?? []).some((record) => record.values.code === code);
  const partiesUsable = partyRecords !== null;

  // reviews.csv
  const reviews: ReviewRow[] = [];
  const reviewLines = new Map<string, number>();
  for (const record of reviewRecords ?? []) {
    const values = record.values as Record<string, string>;
    const before = problems.length;
    const cluster = checkEnum("reviews.csv", record, "cluster", CLUSTERS);
    for (const column of ["state_under_review", "reviewer_1", "reviewer_2"] as const) {
      const code = values[column]!;
      if (!code) problem("reviews.csv", record.line, column, "required");
      else if (partiesUsable && !knownParty(code)) problem("reviews.csv", record.line, column, "unknownParty", { value: code });
    }
    const { state_under_review: state, reviewer_1: first, reviewer_2: second } = values;
    if (state && first === state) problem("reviews.csv", record.line, "reviewer_1", "reviewerIsReviewed", { value: state });
    if (state && second === state) problem("reviews.csv", record.line, "reviewer_2", "reviewerIsReviewed", { value: state });
    if (first && first === second) problem("reviews.csv", record.line, "reviewer_2", "sameReviewers", { value: first });
    if (cluster && state) {
      const key = `${cluster}|${state}`;
      if (reviewLines.has(key)) problem("reviews.csv", record.line, "state_under_review", "duplicateReview", { value: state, cluster, firstLine: reviewLines.get(key)! });
      else reviewLines.set(key, record.line);
    }
    const languages = (values.languages ?? "").split(";").map((code) => code.trim()).filter(Boolean);
    for (const code of languages) if (!(WORKING_LANGUAGES as readonly string[]).includes(code)) problem("reviews.csv", record.line, "languages", "badLanguage", { value: code });
    if (new Set(languages).size !== languages.length) problem("reviews.csv", record.line, "languages", "duplicateLanguage");
    if (languages.length > 3) problem("reviews.csv", record.line, "languages", "tooManyLanguages", { count: languages.length });
    const dates = REVIEW_DATE_FIELDS.map((field) => checkDate("reviews.csv", record, field, false));
    // Each step follows the one before: no date without the earlier ones, none before them.
    REVIEW_DATE_FIELDS.forEach((field, index) => {
      if (index === 0 || !values[field]) return;
      const earlierField = REVIEW_DATE_FIELDS[index - 1]!;
      const earlier = dates[index - 1];
      if (!values[earlierField]) problem("reviews.csv", record.line, field, "dateMissingEarlier", { earlier: earlierField });
      else if (earlier && dates[index] && dates[index]! < earlier) problem("reviews.csv", record.line, field, "datesOutOfOrder", { earlier: earlierField, value: dates[index]!, earlierValue: earlier });
    });
    if (problems.length === before) {
      reviews.push({
        cluster: cluster!,
        state_under_review: state!,
        reviewer_1: first!,
        reviewer_2: second!,
        languages,
        initial_consultation_on: dates[0] ?? null,
        saq_submitted_on: dates[1] ?? null,
        feedback_submitted_on: dates[2] ?? null,
        observations_final_on: dates[3] ?? null,
      });
    }
  }

  // focal_points.csv
  const focalPoints: FocalPointRow[] = [];
  for (const record of focalRecords ?? []) {
    const values = record.values as Record<string, string>;
    const before = problems.length;
    if (!values.party) problem("focal_points.csv", record.line, "party", "required");
    else if (partiesUsable && !knownParty(values.party)) problem("focal_points.csv", record.line, "party", "unknownParty", { value: values.party });
    const ministry = checkEnum("focal_points.csv", record, "ministry", MINISTRIES);
    const gender = checkEnum("focal_points.csv", record, "gender", GENDERS);
    const designated = checkDate("focal_points.csv", record, "designated_on", true);
    const replaced = checkDate("focal_points.csv", record, "replaced_on", false);
    if (designated && replaced && replaced <= designated) {
      problem("focal_points.csv", record.line, "replaced_on", "datesOutOfOrder", { earlier: "designated_on", value: replaced, earlierValue: designated });
    }
    const name = values.name ?? "";
    const email = values.email ?? "";
    if (name.length > 200) problem("focal_points.csv", record.line, "name", "tooLong", { max: 200 });
    if (email && (email.length > 254 || !Email.safeParse(email).success)) problem("focal_points.csv", record.line, "email", "badEmail");
    if (problems.length === before) {
      focalPoints.push({ party: values.party!, ministry: ministry!, gender: gender!, designated_on: designated!, replaced_on: replaced ?? null, name: name || null, email: email || null });
    }
  }

  const details = files[DETAILS_FILE] === undefined ? null : readDetails(files[DETAILS_FILE]!, problems, partiesUsable ? knownParty : () => true);
  if (problems.length > 0) return { data: null, problems };
  return { data: { parties, reviews, focalPoints, details }, problems };
}

const IsoDate = z.string().refine(isIsoDate);
const DetailsEntry = z.object({
  code: z.string().regex(/^[A-Z]{3}$/),
  alpha2: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  names: z.record(z.string(), z.string().trim().min(1).max(200)).default({}),
  protocols: z.object(Object.fromEntries(PROTOCOLS.map((protocol) => [protocol, IsoDate.nullable().optional()])) as Record<(typeof PROTOCOLS)[number], z.ZodOptional<z.ZodNullable<typeof IsoDate>>>).default({} as never),
  redraws: z.number().int().min(0).max(4).default(0),
  pilotInitiative: z.boolean().default(false),
  observers: z.boolean().default(false),
  experts: z.object({ women: z.number().int().min(0), men: z.number().int().min(0) }).default({ women: 0, men: 0 }),
});

/** parties.json: per-party details the CSV contract does not carry (names in seven languages…). */
function readDetails(content: string | Uint8Array, problems: ImportProblem[], knownParty: (code: string) => boolean): PartyDetails[] | null {
  const text = decode(content);
  if (text === null) {
    problems.push({ file: DETAILS_FILE, line: null, column: null, code: "notUtf8" });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push({ file: DETAILS_FILE, line: null, column: null, code: "badJson" });
    return null;
  }
  const parsed = z.array(DetailsEntry).safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) {
      const [index, ...path] = issue.path;
      problems.push({ file: DETAILS_FILE, line: typeof index === "number" ? index + 1 : null, column: path.join(".") || null, code: "badDetails" });
    }
    return null;
  }
  // "line" is the entry's position in the array for this file.
  const seen = new Map<string, number>();
  parsed.data.forEach((entry, index) => {
    if (!knownParty(entry.code)) problems.push({ file: DETAILS_FILE, line: index + 1, column: "code", code: "unknownParty", values: { value: entry.code } });
    if (seen.has(entry.code)) problems.push({ file: DETAILS_FILE, line: index + 1, column: "code", code: "duplicateParty", values: { value: entry.code, firstLine: seen.get(entry.code)! } });
    else seen.set(entry.code, index + 1);
  });
  return parsed.data.map((entry) => ({
    code: entry.code,
    alpha2: entry.alpha2 ?? null,
    names: entry.names,
    protocols: Object.fromEntries(PROTOCOLS.map((protocol) => [protocol, entry.protocols[protocol] ?? null])) as PartyDetails["protocols"],
    redraws: entry.redraws,
    pilotInitiative: entry.pilotInitiative,
    observers: entry.observers,
    experts: entry.experts,
  }));
}

/** Writes the three CSV files of the contract from data as stored: the inverse of readStatusFiles. */
export function writeStatusFiles(data: Omit<StatusData, "details">, options: { includeContacts: boolean }) {
  const focalColumns = [...COLUMNS["focal_points.csv"].required, ...(options.includeContacts ? COLUMNS["focal_points.csv"].optional : [])];
  return {
    "parties.csv": toCsv(
      data.parties.map((party) => ({ ...party, group: String(party.group) })),
      { header: true, columns: [...COLUMNS["parties.csv"].required] },
    ),
    "reviews.csv": toCsv(
      data.reviews.map((review) => ({
        ...review,
        languages: review.languages.join(";"),
        ...Object.fromEntries(REVIEW_DATE_FIELDS.map((field) => [field, review[field] ?? ""])),
      })),
      { header: true, columns: [...COLUMNS["reviews.csv"].required] },
    ),
    "focal_points.csv": toCsv(
      data.focalPoints.map((point) => ({ ...point, replaced_on: point.replaced_on ?? "", name: point.name ?? "", email: point.email ?? "" })),
      { header: true, columns: focalColumns },
    ),
  };
}
