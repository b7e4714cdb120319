import { describe, expect, it } from "vitest";
import { readStatusFiles, writeStatusFiles, type StatusFiles } from "./status-files.server";

const PARTIES = "code,name,kind,group,joined_on\nAAA,Aland,state,1,2003-01-01\nBBB,Borduria,state,2,2004-02-02\nCCC,Carpania,state,3,2005-03-03\nEUU,European Union,regional_organization,1,2004-05-21\n";
const REVIEWS =
  "cluster,state_under_review,reviewer_1,reviewer_2,languages,initial_consultation_on,saq_submitted_on,feedback_submitted_on,observations_final_on\n" +
  "I,AAA,BBB,CCC,en;fr,2021-01-10,2021-06-01,,\n" +
  "I,BBB,AAA,CCC,,,,,\n";
const FOCAL_POINTS = "party,ministry,gender,designated_on,replaced_on,name,email\nAAA,justice,female,2020-11-20,,Ana,ana@example.org\nBBB,interior,male,2021-10-01,2022-01-01,,\n";

const files = (overrides: StatusFiles = {}): StatusFiles => ({ "parties.csv": PARTIES, "reviews.csv": REVIEWS, "focal_points.csv": FOCAL_POINTS, ...overrides });
const problemsOf = (overrides: StatusFiles) =>
  readStatusFiles(files(overrides)).problems.map((problem) => ({ file: problem.file, line: problem.line, column: problem.column, code: problem.code }));

describe("readStatusFiles", () => {
  it("reads a valid set of files into typed rows", () => {
    const { data, problems } = readStatusFiles(files());
    expect(problems).toEqual([]);
    expect(data!.parties).toHaveLength(4);
    expect(data!.parties[3]).toEqual({ code: "EUU", name: "European Union", kind: "regional_organization", group: 1, joined_on: "2004-05-21" });
    expect(data!.reviews[0]).toMatchObject({ languages: ["en", "fr"], initial_consultation_on: "2021-01-10", saq_submitted_on: "2021-06-01", feedback_submitted_on: null });
    expect(data!.focalPoints[0]).toEqual({ party: "AAA", ministry: "justice", gender: "female", designated_on: "2020-11-20", replaced_on: null, name: "Ana", email: "ana@example.org" });
    expect(data!.details).toBeNull();
  });

  it("accepts a byte-order mark and CRLF line ends", () => {
    const { problems } = readStatusFiles(files({ "parties.csv": `\uFEFF${PARTIES.replace(/\n/g, "\r\n")}` }));
    expect(problems).toEqual([]);
  });

  it("reports missing, empty, non-UTF-8 and malformed files", () => {
    expect(problemsOf({ "reviews.csv": undefined })).toEqual([{ file: "reviews.csv", line: null, column: null, code: "missingFile" }]);
    expect(problemsOf({ "parties.csv": "  \n" })[0]).toEqual({ file: "parties.csv", line: null, column: null, code: "emptyFile" });
    expect(problemsOf({ "focal_points.csv": new Uint8Array([0x70, 0x61, 0xff, 0xfe, 0x0a]) })).toEqual([{ file: "focal_points.csv", line: null, column: null, code: "notUtf8" }]);
    expect(problemsOf({ "reviews.csv": `${REVIEWS}I,"CCC,AAA,BBB,,,,,\n` })).toEqual([{ file: "reviews.csv", line: 4, column: null, code: "malformedCsv" }]);
  });

  it("reports header problems on line 1 with the column", () => {
    expect(problemsOf({ "parties.csv": PARTIES.replace("joined_on", "joined") })).toEqual([
      { file: "parties.csv", line: 1, column: "joined", code: "unknownColumn" },
      { file: "parties.csv", line: 1, column: "joined_on", code: "missingColumn" },
    ]);
    expect(problemsOf({ "focal_points.csv": FOCAL_POINTS.replace("name,email", "name,name") })).toContainEqual({ file: "focal_points.csv", line: 1, column: "name", code: "duplicateColumn" });
  });

  it("reports every bad value of parties.csv with line and column", () => {
    const bad = `${PARTIES}ddd,Dorne,state,1,2001-01-01\nAAA,Again,state,1,2001-01-01\nEEE,,empire,4,2001-02-30\n`;
    expect(problemsOf({ "parties.csv": bad })).toEqual([
      { file: "parties.csv", line: 6, column: "code", code: "badCode" },
      { file: "parties.csv", line: 7, column: "code", code: "duplicateParty" },
      { file: "parties.csv", line: 8, column: "name", code: "required" },
      { file: "parties.csv", line: 8, column: "kind", code: "badEnum" },
      { file: "parties.csv", line: 8, column: "group", code: "badGroup" },
      { file: "parties.csv", line: 8, column: "joined_on", code: "badDate" },
    ]);
  });

  it("reports unknown parties, duplicate reviews, self-review, identical reviewers, bad languages and dates in reviews.csv", () => {
    const bad =
      REVIEWS +
      "I,XXX,AAA,BBB,,,,,\n" + // line 4: unknown party
      "I,AAA,BBB,CCC,,,,,\n" + // line 5: duplicate review
      "I,CCC,CCC,AAA,,,,,\n" + // line 6: reviewer equal to reviewed
      "II,CCC,AAA,AAA,,,,,\n" + // line 7: same reviewers
      "V,EUU,AAA,BBB,en;xx;en;fr;ru,2021-13-01,,,\n" + // line 8: bad cluster, language, duplicate, too many, bad date
      "III,AAA,BBB,CCC,en,2021-05-01,2021-04-01,,\n" + // line 9: dates out of order
      "IV,AAA,BBB,CCC,en,,2021-04-01,,\n"; // line 10: date without the earlier one
    expect(problemsOf({ "reviews.csv": bad })).toEqual([
      { file: "reviews.csv", line: 4, column: "state_under_review", code: "unknownParty" },
      { file: "reviews.csv", line: 5, column: "state_under_review", code: "duplicateReview" },
      { file: "reviews.csv", line: 6, column: "reviewer_1", code: "reviewerIsReviewed" },
      { file: "reviews.csv", line: 7, column: "reviewer_2", code: "sameReviewers" },
      { file: "reviews.csv", line: 8, column: "cluster", code: "badEnum" },
      { file: "reviews.csv", line: 8, column: "languages", code: "badLanguage" },
      { file: "reviews.csv", line: 8, column: "languages", code: "duplicateLanguage" },
      { file: "reviews.csv", line: 8, column: "languages", code: "tooManyLanguages" },
      { file: "reviews.csv", line: 8, column: "initial_consultation_on", code: "badDate" },
      { file: "reviews.csv", line: 9, column: "saq_submitted_on", code: "datesOutOfOrder" },
      { file: "reviews.csv", line: 10, column: "saq_submitted_on", code: "dateMissingEarlier" },
    ]);
  });

  it("reports unknown parties, bad enums, dates and e-mails in focal_points.csv", () => {
    const bad = `${FOCAL_POINTS}ZZZ,justice,female,2021-01-01,,,\nAAA,defence,robot,2021-01-01,2020-01-01,,not-an-email\nCCC,justice,male,01/02/2021,,,\n`;
    expect(problemsOf({ "focal_points.csv": bad })).toEqual([
      { file: "focal_points.csv", line: 4, column: "party", code: "unknownParty" },
      { file: "focal_points.csv", line: 5, column: "ministry", code: "badEnum" },
      { file: "focal_points.csv", line: 5, column: "gender", code: "badEnum" },
      { file: "focal_points.csv", line: 5, column: "replaced_on", code: "datesOutOfOrder" },
      { file: "focal_points.csv", line: 5, column: "email", code: "badEmail" },
      { file: "focal_points.csv", line: 6, column: "designated_on", code: "badDate" },
    ]);
  });

  it("reports extra values on a line", () => {
    expect(problemsOf({ "parties.csv": `${PARTIES}DDD,Dorne,state,1,2001-01-01,surplus\n` })).toEqual([{ file: "parties.csv", line: 6, column: null, code: "extraValues" }]);
  });

  it("validates parties.json and its party codes", () => {
    expect(problemsOf({ "parties.json": "{not json" })).toEqual([{ file: "parties.json", line: null, column: null, code: "badJson" }]);
    expect(problemsOf({ "parties.json": JSON.stringify([{ code: "AAA", redraws: 9 }]) })).toEqual([{ file: "parties.json", line: 1, column: "redraws", code: "badDetails" }]);
    expect(problemsOf({ "parties.json": JSON.stringify([{ code: "AAA" }, { code: "QQQ" }]) })).toEqual([{ file: "parties.json", line: 2, column: "code", code: "unknownParty" }]);
    const { data } = readStatusFiles(files({ "parties.json": JSON.stringify([{ code: "AAA", names: { fr: "Alande" }, protocols: { firearms: "2010-01-01" }, pilotInitiative: true }]) }));
    expect(data!.details![0]).toMatchObject({ code: "AAA", names: { fr: "Alande" }, protocols: { firearms: "2010-01-01", trafficking_in_persons: null }, pilotInitiative: true, redraws: 0 });
  });

  it("writes files that read back to the same data", () => {
    const { data } = readStatusFiles(files());
    const written = writeStatusFiles(data!, { includeContacts: true });
    const again = readStatusFiles(written);
    expect(again.problems).toEqual([]);
    expect({ ...again.data, details: null }).toEqual(data);
    const publicFiles = writeStatusFiles(data!, { includeContacts: false });
    expect(publicFiles["focal_points.csv"]).not.toContain("ana@example.org");
    expect(publicFiles["focal_points.csv"].split("\n")[0]).toBe("party,ministry,gender,designated_on,replaced_on");
  });
});
