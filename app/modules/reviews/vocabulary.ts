/**
 * The vocabularies of review status. Plain constants without zod, so browser code can import them
 * without shipping zod.
 */
import type { Stage } from "~/modules/treaty/vocabulary";

/** Stages at which a review counts as started: the initial consultation has been held. */
export const STARTED_STAGES: readonly Stage[] = ["saq", "written_feedback", "list_of_observations", "completed"];

export const GROUPS = [1, 2, 3] as const;
export type ReviewGroup = (typeof GROUPS)[number];
/** The day each group's reviews began (background paper). */
export const GROUP_STARTS: Record<ReviewGroup, string> = { 1: "2020-12-01", 2: "2021-11-01", 3: "2022-11-01" };

export const PARTY_KINDS = ["state", "regional_organization"] as const;
export const MINISTRIES = ["foreign_affairs", "justice", "interior", "other"] as const;
export type Ministry = (typeof MINISTRIES)[number];
export const GENDERS = ["female", "male", "other", "undisclosed"] as const;
/** The six UN languages a review may be held in, in the paper's order. */
export const WORKING_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export const PROTOCOLS = ["trafficking_in_persons", "smuggling_of_migrants", "firearms"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** The date fields of a review, in the order the steps happen. */
export const REVIEW_DATE_FIELDS = ["initial_consultation_on", "saq_submitted_on", "feedback_submitted_on", "observations_final_on"] as const;
export type ReviewDateField = (typeof REVIEW_DATE_FIELDS)[number];

/**
 * The columns of the review-status files, in order: what the import requires and accepts, what
 * the export writes, and what the demo generator (scripts/review-demo) writes and checks.
 */
export const STATUS_FILE_COLUMNS = {
  "parties.csv": { required: ["code", "name", "kind", "group", "joined_on"], optional: [] },
  "reviews.csv": {
    required: ["cluster", "state_under_review", "reviewer_1", "reviewer_2", "languages", ...REVIEW_DATE_FIELDS],
    optional: [],
  },
  // Names and contacts are optional and only ever shown to the secretariat.
  "focal_points.csv": { required: ["party", "ministry", "gender", "designated_on", "replaced_on"], optional: ["name", "email"] },
} as const;

/** Every column of a status file, required then optional. */
export function statusFileColumns(file: keyof typeof STATUS_FILE_COLUMNS): string[] {
  return [...STATUS_FILE_COLUMNS[file].required, ...STATUS_FILE_COLUMNS[file].optional];
}

/** The guideline: the SAQ within six months of the consultation, feedback within six months of the SAQ. */
export const GUIDELINE_MONTHS = 6;
/** Share of group 1's reviews that must be complete before the next cluster may start. */
export const NEXT_CLUSTER_GATE = 0.7;

/** The columns the review list sorts by. */
export const LIST_SORTS = ["country", "group", "stage", "consultation", "saq", "feedback"] as const;

/**
 * Form field of each status file on /admin/reviews/import. Here, not in upload.server.ts: the page
 * needs the names in the browser too, where a .server module is empty (the page crashed on hydration).
 */
export const UPLOAD_FIELDS = { "parties.csv": "parties", "reviews.csv": "reviews", "focal_points.csv": "focal_points", "parties.json": "details" } as const;
