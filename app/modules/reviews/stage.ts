import type { Stage } from "~/modules/treaty/vocabulary";

/** What stage derivation needs to know about a review. */
export type StageInput = {
  state_under_review: string;
  reviewer_1: string;
  reviewer_2: string;
  initial_consultation_on: string | null;
  saq_submitted_on: string | null;
  feedback_submitted_on: string | null;
  observations_final_on: string | null;
};

/**
 * The stage of a country review. Never stored: every page, statistic, export and notification
 * calls this one function, so a stage cannot disagree with the dates it comes from.
 * Before the initial consultation, a review waits for focal points while any of its three parties
 * has no current focal point, and for the consultation once all three have one.
 */
export function deriveStage(review: StageInput, hasCurrentFocalPoint: (partyCode: string) => boolean): Stage {
  if (review.observations_final_on) return "completed";
  if (review.feedback_submitted_on) return "list_of_observations";
  if (review.saq_submitted_on) return "written_feedback";
  if (review.initial_consultation_on) return "saq";
  const parties = [review.state_under_review, review.reviewer_1, review.reviewer_2];
  return parties.every(hasCurrentFocalPoint) ? "initial_consultation" : "focal_points";
}

export function isStarted(stage: Stage) {
  return stage !== "focal_points" && stage !== "initial_consultation";
}
