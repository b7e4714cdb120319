/**
 * Parties are named by their UN short names, in all seven languages, wherever they appear: the data
 * file, the demo's parties.json, the country lists of forms and the review-status pages.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TestClient, visibleText } from "../../../test/http-client";
import { listCountries, readUnShortNames, unShortName } from "./countries.server";

const LOCALES = ["en", "fr", "es", "ru", "zh", "ar", "pt"] as const;

describe("UN short names", () => {
  const names = readUnShortNames();

  it("cover the 193 Member States, the 2 observer States, Cook Islands, Niue and the European Union", () => {
    expect(names.size).toBe(198);
    for (const [code, byLocale] of names) for (const locale of LOCALES) expect(byLocale[locale], `${code} ${locale}`).toMatch(/\S/);
  });

  it("are the names the UN uses, not common or CLDR names", () => {
    expect(unShortName("PRK", "en")).toBe("Democratic People's Republic of Korea");
    expect(unShortName("KOR", "en")).toBe("Republic of Korea");
    expect(unShortName("MMR", "en")).toBe("Myanmar");
    expect(unShortName("RUS", "en")).toBe("Russian Federation");
    expect(unShortName("SYR", "en")).toBe("Syrian Arab Republic");
    expect(unShortName("LAO", "en")).toBe("Lao People's Democratic Republic");
    expect(unShortName("CPV", "en")).toBe("Cabo Verde");
    expect(unShortName("KNA", "en")).toBe("Saint Kitts and Nevis");
    expect(unShortName("PRK", "zh")).toBe("朝鲜民主主义人民共和国");
    expect(unShortName("KOR", "zh")).toBe("大韩民国");
    expect(unShortName("CIV", "ar")).toBe("كوت ديفوار");
    expect(unShortName("RUS", "fr")).toBe("Fédération de Russie");
    expect(unShortName("KOR", "pt")).toBe("República da Coreia");
  });

  it("are the names of every party in the demo data, in every language", () => {
    const parties = JSON.parse(readFileSync("content/reviews/parties.json", "utf8")) as Array<{ code: string; names: Record<string, string> }>;
    expect(parties).toHaveLength(189);
    for (const party of parties) for (const locale of LOCALES) expect(party.names[locale], `${party.code} ${locale}`).toBe(unShortName(party.code, locale));
    const csv = readFileSync("content/reviews/demo/parties.csv", "utf8").trim().split("\n").slice(1);
    for (const line of csv) {
      const [code] = line.split(",");
      expect(line, code).toContain(unShortName(code!, "en")!.includes(",") ? `"${unShortName(code!, "en")}"` : unShortName(code!, "en")!);
    }
  });

  it("name States in the country lists of forms, other areas by their ISO names", () => {
    const chinese = listCountries("zh");
    expect(chinese.find((country) => country.code === "KOR")?.name).toBe("大韩民国");
    expect(listCountries("ar").find((country) => country.code === "CIV")?.name).toBe("كوت ديفوار");
    expect(listCountries("en").find((country) => country.code === "HKG")?.name).toBeTruthy();
  });

  it("appear on the review-status pages", async () => {
    const client = new TestClient();
    expect(visibleText((await client.get("/zh/countries/KOR")).text)).toContain("大韩民国");
    expect(visibleText((await client.get("/ar/countries/CIV")).text)).toContain("كوت ديفوار");
    expect(visibleText((await client.get("/countries/RUS")).text)).toContain("Russian Federation");
    expect(visibleText((await client.get("/reviews/list?q=korea")).text)).toContain("Democratic People's Republic of Korea");
  });
});
