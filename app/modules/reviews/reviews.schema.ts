import { z } from "zod";

/** The vocabularies of review status (safe for the browser). */
export const STAGES = ["focal_points", "initial_consultation", "saq", "written_feedback", "list_of_observations", "completed"] as const;
export type Stage = (typeof STAGES)[number];
/** Stages at which a review counts as started: the initial consultation has been held. */
export const STARTED_STAGES: readonly Stage[] = ["saq", "written_feedback", "list_of_observations", "completed"];

export const CLUSTERS = ["I", "II", "III", "IV"] as const;
export type Cluster = (typeof CLUSTERS)[number];
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

/** The guideline: the SAQ within six months of the consultation, feedback within six months of the SAQ. */
export const GUIDELINE_MONTHS = 6;
/** Share of group 1's reviews that must be complete before the next cluster may start. */
export const NEXT_CLUSTER_GATE = 0.7;

/** Filters of the dashboard and the list: plain GET parameters; anything unknown is ignored. */
export const ReviewFilters = z.object({
  group: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  cluster: z.enum(CLUSTERS).optional().catch(undefined),
});
export type ReviewFilters = z.infer<typeof ReviewFilters>;

export const LIST_SORTS = ["country", "group", "stage", "consultation", "saq", "feedback"] as const;
export const ReviewListQuery = ReviewFilters.extend({
  stage: z.enum(STAGES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(LIST_SORTS).catch("country"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

export const CountryCode = z.string().regex(/^[A-Za-z]{3}$/).transform((code) => code.toUpperCase());

export const FollowForm = z.object({ intent: z.enum(["follow", "unfollow"]) });

/** The "status as of" date of an import; empty means "the latest date in the data". */
export const ImportOptionsForm = z.object({
  asOf: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.invalidDate")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const ApplyImportForm = z.object({ importId: z.coerce.number().int().positive() });
