import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "~/utils/i18n";

type Tree = { [key: string]: string | Tree };
const root = path.resolve("app/locales");
const namespaces = readdirSync(path.join(root, "en")).filter((file) => file.endsWith(".json"));

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const fullKey = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(fullKey, value);
    else for (const [childKey, childValue] of flatten(value, fullKey)) entries.set(childKey, childValue);
  }
  return entries;
}

const read = (locale: string, file: string) => flatten(JSON.parse(readFileSync(path.join(root, locale, file), "utf8")) as Tree);
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]))].sort();
// i18next plural forms differ by language (fr: one/many/other, ar: zero…other): compare base keys.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (entries: Map<string, string>) => [...new Set([...entries.keys()].map((key) => key.replace(PLURAL, "")))].sort();

describe("translations", () => {
  for (const file of namespaces) {
    const english = read("en", file);
    for (const locale of LOCALES.filter((code) => code !== "en")) {
      it(`${locale}/${file} has every English key, translated, with the same placeholders`, () => {
        const translated = read(locale, file);
        expect(baseKeys(translated)).toEqual(baseKeys(english));
        let untranslated = 0;
        for (const [key, text] of translated) {
          const source = english.get(key) ?? english.get(key.replace(PLURAL, "_other"))!;
          expect(source, `${locale}/${file}: ${key} has no English counterpart`).toBeDefined();
          expect(text.trim(), `${locale}/${file}: ${key} is empty`).not.toBe("");
          // A plural form may leave out {{count}} ("one result"), nothing else.
          const expected = placeholders(source).filter((name) => !(PLURAL.test(key) && name === "count"));
          expect(placeholders(text).filter((name) => !(PLURAL.test(key) && name === "count")), `${locale}/${file}: ${key} placeholders`).toEqual(expected);
          if (text === source && /[a-z]{4,}/i.test(source) && source !== "Agora") untranslated++;
        }
        // Names and codes may stay as in English; sentences may not.
        expect(untranslated / english.size, `${locale}/${file}: share left in English`).toBeLessThan(0.1);
      });
    }
  }
});
