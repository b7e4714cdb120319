/**
 * The tag vocabularies of the review, shared by resources, courses, review status and search
 * facets. Plain constants without zod, so browser code can import them without shipping zod.
 */
export const INSTRUMENTS = ["untoc", "tip", "som", "firearms"] as const;
export type Instrument = (typeof INSTRUMENTS)[number];
export const CLUSTERS = ["I", "II", "III", "IV"] as const;
export type Cluster = (typeof CLUSTERS)[number];
export const STAGES = ["focal_points", "initial_consultation", "saq", "written_feedback", "list_of_observations", "completed"] as const;
export type Stage = (typeof STAGES)[number];
export const AUDIENCES = ["government", "ngo", "academia", "private_sector", "igo", "general"] as const;
export type Audience = (typeof AUDIENCES)[number];
