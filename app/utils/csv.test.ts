import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { readStatusFiles, writeStatusFiles } from "~/modules/reviews/status-files.server";
import { toLearningCsv } from "~/modules/courses/report.server";
import { csvSafeCell, readCsvCell, toCsv } from "./csv.server";

const DANGEROUS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];

describe("CSV cells a spreadsheet would run", () => {
  it("are written with a leading apostrophe; other text and numbers unchanged", () => {
    for (const value of DANGEROUS) expect(csvSafeCell(value)).toBe(`'${value}`);
    expect(csvSafeCell("Kenya")).toBe("Kenya");
    expect(csvSafeCell("2021-01-10")).toBe("2021-01-10");
    const rows = parse(toCsv([["name", "count"], ...DANGEROUS.map((value) => [value, -3])])) as string[][];
    expect(rows.slice(1).map((row) => row[0])).toEqual(DANGEROUS.map((value) => `'${value}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(DANGEROUS.map(() => "-3"));
    for (const value of DANGEROUS) expect(readCsvCell(csvSafeCell(value))).toBe(value);
    expect(readCsvCell("'quoted")).toBe("'quoted");
  });

  it("are neutralised in the review export, which still imports back unchanged", () => {
    const party = { code: "AAA", name: "=cmd|' /C calc'!A0", kind: "state" as const, group: 1, joined_on: "2003-01-01" };
    const other = { code: "BBB", name: "@Borduria", kind: "state" as const, group: 2, joined_on: "2004-02-02" };
    const files = writeStatusFiles({ parties: [party, other], reviews: [], focalPoints: [] } as never, { includeContacts: true });
    expect(files["parties.csv"]).toContain("'=cmd");
    expect(files["parties.csv"]).toContain("'@Borduria");
    const { data, problems } = readStatusFiles({ ...files, "reviews.csv": files["reviews.csv"], "focal_points.csv": files["focal_points.csv"] });
    expect(problems).toEqual([]);
    expect(data!.parties.map((row) => row.name)).toEqual([party.name, other.name]);
  });

  it("are neutralised in the learning report", () => {
    const csv = toLearningCsv({ courses: [{ courseSlug: "c", courseTitle: "=1+1", learners: 1, completed: 0, completionRate: null, medianDays: null }], byCountry: [], byKind: [] } as never);
    expect(csv).toContain("'=1+1");
  });

  it("go through one helper: nothing else in app/ writes CSV", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts") && file !== path.join("app", "utils", "csv.server.ts") && readFileSync(file, "utf8").includes("csv-stringify")) offenders.push(file);
      }
    };
    walk("app");
    expect(offenders).toEqual([]);
  });
});
