import { describe, expect, it } from "vitest";
import { deriveStage, isStarted, type StageInput } from "./stage";

const review = (dates: Partial<StageInput> = {}): StageInput => ({
  state_under_review: "KEN",
  reviewer_1: "FRA",
  reviewer_2: "BRA",
  initial_consultation_on: null,
  saq_submitted_on: null,
  feedback_submitted_on: null,
  observations_final_on: null,
  ...dates,
});
const all = () => true;
const none = () => false;

describe("deriveStage", () => {
  it("is completed once the list of observations is final, whatever else is known", () => {
    expect(deriveStage(review({ initial_consultation_on: "2021-01-01", saq_submitted_on: "2021-05-01", feedback_submitted_on: "2021-09-01", observations_final_on: "2022-01-10" }), none)).toBe("completed");
  });

  it("is at the list of observations once written feedback is submitted", () => {
    expect(deriveStage(review({ initial_consultation_on: "2021-01-01", saq_submitted_on: "2021-05-01", feedback_submitted_on: "2021-09-01" }), all)).toBe("list_of_observations");
  });

  it("is at written feedback once the SAQ is submitted", () => {
    expect(deriveStage(review({ initial_consultation_on: "2021-01-01", saq_submitted_on: "2021-05-01" }), all)).toBe("written_feedback");
  });

  it("is at the SAQ once the initial consultation is held, even if a focal point has since gone", () => {
    expect(deriveStage(review({ initial_consultation_on: "2021-01-01" }), none)).toBe("saq");
  });

  it("waits for the initial consultation when all three parties have a current focal point", () => {
    expect(deriveStage(review(), all)).toBe("initial_consultation");
  });

  it("waits for focal points when any of the three parties has none", () => {
    for (const missing of ["KEN", "FRA", "BRA"]) {
      expect(deriveStage(review(), (code) => code !== missing)).toBe("focal_points");
    }
  });

  it("counts a review as started from the SAQ stage on", () => {
    expect(["focal_points", "initial_consultation", "saq", "written_feedback", "list_of_observations", "completed"].map((stage) => isStarted(stage as never))).toEqual([false, false, true, true, true, true]);
  });
});
