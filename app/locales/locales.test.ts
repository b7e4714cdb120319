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
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe("translations", () => {
  for (const file of namespaces) {
    const english = read("en", file);
    for (const locale of LOCALES.filter((code) => code !== "en")) {
      it(`${locale}/${file} has every English key, translated, with the same placeholders`, () => {
        const translated = read(locale, file);
        expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
        let untranslated = 0;
        for (const [key, source] of english) {
          const text = translated.get(key)!;
          expect(text.trim(), `${locale}/${file}: ${key} is empty`).not.toBe("");
          expect(placeholders(text), `${locale}/${file}: ${key} placeholders`).toEqual(placeholders(source));
          if (text === source && /[a-z]{4,}/i.test(source) && source !== "Agora") untranslated++;
        }
        // Names and codes may stay as in English; sentences may not.
        expect(untranslated / english.size, `${locale}/${file}: share left in English`).toBeLessThan(0.1);
      });
    }
  }
});
