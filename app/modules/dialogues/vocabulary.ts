/**
 * The vocabularies of constructive dialogues. Plain constants without zod, so browser code can
 * import them without shipping zod.
 */
export { ATTENDANCE_MODES, DIALOGUE_FORMATS, DIALOGUE_STATES, REGISTRATION_STATUSES } from "../../../db/schema/dialogues";
export { ORGANIZATION_KINDS } from "../../../db/schema/platform";
export type { AttendanceMode, DialogueFormat, DialogueState, RegistrationStatus, CourseRule, ObservationStatus } from "../../../db/schema/dialogues";

/**
 * The topics the background paper proposes for the dialogues (§57 a–j), in its order. A dialogue's
 * agenda uses these codes; topics of its own get codes of their own.
 */
export const STANDARD_TOPICS = [
  "saq-good-practice",
  "in-person-participation",
  "timely-completion",
  "timely-engagement",
  "technical-assistance",
  "multilingualism",
  "cluster-one-experience",
  "new-parties",
  "stakeholders-in-saq",
  "follow-up",
] as const;
export type StandardTopic = (typeof STANDARD_TOPICS)[number];

export function isStandardTopic(code: string): code is StandardTopic {
  return (STANDARD_TOPICS as readonly string[]).includes(code);
}

/** The modes a format offers. */
export function modesOf(format: "in_person" | "online" | "hybrid"): Array<"in_person" | "online"> {
  return format === "hybrid" ? ["in_person", "online"] : [format];
}

/** States in which a dialogue is visible to the public. */
export const PUBLIC_STATES = ["open", "closed", "held", "summary_published"] as const;
