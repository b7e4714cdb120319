import { describe, expect, it } from "vitest";
import { addMonths, computeStats, findOverdue, languageKey, latestDate, nextClusterGate, percent, type StatusSnapshot } from "./stats";

const review = (state: string, reviewers: [string, string], dates: string[] = [], languages: string[] = [], cluster = "I") => ({
  cluster,
  state_under_review: state,
  reviewer_1: reviewers[0],
  reviewer_2: reviewers[1],
  languages,
  initial_consultation_on: dates[0] ?? null,
  saq_submitted_on: dates[1] ?? null,
  feedback_submitted_on: dates[2] ?? null,
  observations_final_on: dates[3] ?? null,
});
const fp = (party: string, ministry: string, gender: string, designated_on: string, replaced_on: string | null = null) => ({ party, ministry, gender, designated_on, replaced_on });

/**
 * Six parties (AAA–FFF): AAA, BBB in group 1; CCC, DDD in group 2; EEE, FFF in group 3. FFF has no
 * focal point; AAA has two current ones; BBB replaced its first one.
 */
const snapshot: StatusSnapshot = {
  parties: [
    { code: "AAA", group: 1 },
    { code: "BBB", group: 1 },
    { code: "CCC", group: 2 },
    { code: "DDD", group: 2 },
    { code: "EEE", group: 3 },
    { code: "FFF", group: 3 },
  ],
  reviews: [
    review("AAA", ["BBB", "CCC"], ["2021-01-10", "2021-05-01", "2021-09-01", "2022-02-01"], ["en"]), // completed
    review("BBB", ["AAA", "DDD"], ["2021-02-01", "2021-06-15", "2022-01-20"], ["fr", "en"]), // list_of_observations
    review("CCC", ["DDD", "EEE"], ["2022-01-05", "2022-03-01"], ["es", "fr", "en"]), // written_feedback
    review("DDD", ["AAA", "CCC"], ["2022-02-01"], []), // saq, languages not agreed
    review("EEE", ["AAA", "BBB"]), // initial_consultation
    review("FFF", ["AAA", "BBB"]), // focal_points (FFF has none)
  ],
  focalPoints: [
    fp("AAA", "foreign_affairs", "female", "2020-11-20"),
    fp("AAA", "justice", "male", "2021-03-01"),
    fp("BBB", "interior", "male", "2020-11-20", "2021-06-01"),
    fp("BBB", "justice", "female", "2021-06-01"),
    fp("CCC", "foreign_affairs", "undisclosed", "2021-10-20"),
    fp("DDD", "other", "female", "2021-10-25"),
    fp("EEE", "foreign_affairs", "male", "2022-10-20"),
  ],
};

describe("computeStats", () => {
  const stats = computeStats(snapshot);

  it("counts reviews by stage, started and not started", () => {
    expect(stats.reviews.total).toBe(6);
    expect(stats.reviews.byStage).toEqual({ focal_points: 1, initial_consultation: 1, saq: 1, written_feedback: 1, list_of_observations: 1, completed: 1 });
    expect(stats.reviews.started).toBe(4);
    expect(stats.reviews.notStarted).toBe(2);
  });

  it("gives a review the group of its state under review", () => {
    expect(stats.reviews.byGroup["1"]).toEqual({ total: 2, byStage: { focal_points: 0, initial_consultation: 0, saq: 0, written_feedback: 0, list_of_observations: 1, completed: 1 } });
    expect(stats.reviews.byGroup["2"].byStage).toMatchObject({ written_feedback: 1, saq: 1 });
    expect(stats.reviews.byGroup["3"].byStage).toMatchObject({ initial_consultation: 1, focal_points: 1 });
  });

  it("counts submitted SAQs (any review past the SAQ) and SAQs in preparation", () => {
    expect(stats.saq).toEqual({ submitted: 3, inPreparation: 1 });
  });

  it("counts written feedback in progress and completed", () => {
    expect(stats.writtenFeedback).toEqual({ inProgress: 1, completed: 2 });
  });

  it("counts the languages of started reviews only, with sorted combination keys", () => {
    expect(stats.languages).toEqual({ one: 1, two: 1, three: 1, notAgreed: 1, combinations: { en: 1, "en+es+fr": 1, "en+fr": 1 } });
  });

  it("counts current focal points, parties with and without, women, ministries, replacements and several", () => {
    expect(stats.focalPoints).toEqual({
      current: 6,
      partiesWithCurrent: 5,
      partiesWithout: 1,
      women: 3,
      byMinistry: { foreign_affairs: 3, justice: 2, interior: 0, other: 1 },
      partiesThatReplaced: 1,
      partiesWithSeveral: 1,
    });
  });

  it("answers zeros everywhere on empty data", () => {
    const empty = computeStats({ parties: [], reviews: [], focalPoints: [] });
    const zeroStages = { focal_points: 0, initial_consultation: 0, saq: 0, written_feedback: 0, list_of_observations: 0, completed: 0 };
    expect(empty).toEqual({
      reviews: { total: 0, byStage: zeroStages, byGroup: { "1": { total: 0, byStage: zeroStages }, "2": { total: 0, byStage: zeroStages }, "3": { total: 0, byStage: zeroStages } }, started: 0, notStarted: 0 },
      saq: { submitted: 0, inPreparation: 0 },
      writtenFeedback: { inProgress: 0, completed: 0 },
      languages: { one: 0, two: 0, three: 0, notAgreed: 0, combinations: {} },
      focalPoints: { current: 0, partiesWithCurrent: 0, partiesWithout: 0, women: 0, byMinistry: { foreign_affairs: 0, justice: 0, interior: 0, other: 0 }, partiesThatReplaced: 0, partiesWithSeveral: 0 },
    });
  });

  it("filters by group without losing focal points of reviewers from other groups", () => {
    const group3 = computeStats(snapshot, { group: 3 });
    expect(group3.reviews.total).toBe(2);
    // EEE's reviewers AAA and BBB are in group 1 and have focal points: EEE still waits for its consultation.
    expect(group3.reviews.byStage).toMatchObject({ initial_consultation: 1, focal_points: 1 });
    expect(group3.focalPoints).toMatchObject({ current: 1, partiesWithCurrent: 1, partiesWithout: 1 });
  });

  it("filters by cluster", () => {
    expect(computeStats(snapshot, { cluster: "II" }).reviews.total).toBe(0);
  });
});

describe("timetable, reference date and the next-cluster gate", () => {
  it("adds calendar months and clamps to the end of shorter months", () => {
    expect(addMonths("2021-01-10", 6)).toBe("2021-07-10");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2022-08-31", 6)).toBe("2023-02-28");
    expect(addMonths("2021-09-15", 6)).toBe("2022-03-15");
  });

  it("finds the latest date anywhere in the data", () => {
    expect(latestDate(snapshot)).toBe("2022-10-20");
    expect(latestDate({ parties: [], reviews: [], focalPoints: [] })).toBeNull();
  });

  it("lists SAQs more than six months after the consultation and feedback more than six months after the SAQ", () => {
    const overdue = findOverdue(snapshot, "2022-09-02");
    // CCC: SAQ on 2022-03-01, feedback due 2022-09-01; DDD: consultation 2022-02-01, SAQ due 2022-08-01.
    expect(overdue.map((item) => [item.review.state_under_review, item.stage, item.dueOn, item.daysLate])).toEqual([
      ["DDD", "saq", "2022-08-01", 32],
      ["CCC", "written_feedback", "2022-09-01", 1],
    ]);
    expect(findOverdue(snapshot, "2022-08-01")).toEqual([]);
  });

  it("measures group 1 against the 70% gate", () => {
    expect(nextClusterGate(snapshot, "I")).toEqual({ total: 2, completed: 1, needed: 2, share: 50, met: false });
    expect(nextClusterGate({ parties: [], reviews: [], focalPoints: [] }, "I")).toEqual({ total: 0, completed: 0, needed: 0, share: 0, met: false });
  });

  it("keys language combinations alphabetically and rounds percentages", () => {
    expect(languageKey(["zh", "en"])).toBe("en+zh");
    expect(languageKey([])).toBe("");
    expect([percent(82, 171), percent(62, 171), percent(27, 171), percent(1, 0)]).toEqual([48, 36, 16, 0]);
  });
});
