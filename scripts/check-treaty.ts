// Sanity check for content/treaty/treaty.json. Run: npx tsx scripts/check-treaty.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const LOCALES = ["ar", "zh", "en", "fr", "ru", "es", "pt"] as const;
const EXPECTED_ARTICLES: Record<string, number> = { untoc: 41, tip: 20, som: 25, firearms: 21 };
const STAGES = ["focal_points", "initial_consultation", "saq", "written_feedback", "list_of_observations", "completed"];
const CLUSTERS = ["I", "II", "III", "IV"];

type Localized = Partial<Record<(typeof LOCALES)[number], string>>;

const file = fileURLToPath(new URL("../content/treaty/treaty.json", import.meta.url));
const data = JSON.parse(readFileSync(file, "utf8"));
const errors: string[] = [];

function checkLocalized(where: string, value: unknown, requireAll = false) {
  if (!value || typeof value !== "object") return void errors.push(`${where}: not a localized object`);
  const text = value as Record<string, unknown>;
  for (const key of Object.keys(text)) {
    if (!(LOCALES as readonly string[]).includes(key)) errors.push(`${where}: unknown locale "${key}"`);
    else if (typeof text[key] !== "string" || !(text[key] as string).trim()) errors.push(`${where}.${key}: empty`);
  }
  if (!text.en) errors.push(`${where}: missing en`);
  if (requireAll) for (const l of LOCALES) if (!text[l]) errors.push(`${where}: missing ${l}`);
}

const known = new Set<string>();
for (const inst of data.instruments as Array<{ code: string; title: Localized; shortTitle: Localized; articles: Array<{ number: string; title: Localized }> }>) {
  checkLocalized(`${inst.code}.title`, inst.title);
  checkLocalized(`${inst.code}.shortTitle`, inst.shortTitle);
  const expected = EXPECTED_ARTICLES[inst.code];
  if (expected === undefined) errors.push(`unknown instrument ${inst.code}`);
  if (inst.articles.length !== expected) errors.push(`${inst.code}: ${inst.articles.length} articles, expected ${expected}`);
  inst.articles.forEach((a, i) => {
    if (a.number !== String(i + 1)) errors.push(`${inst.code}: article at index ${i} numbered ${a.number}`);
    checkLocalized(`${inst.code}:${a.number}`, a.title);
    known.add(`${inst.code}:${a.number}`);
  });
}
for (const code of Object.keys(EXPECTED_ARTICLES))
  if (!data.instruments.some((i: { code: string }) => i.code === code)) errors.push(`missing instrument ${code}`);

const seen = new Map<string, string>();
const clusterCodes = (data.clusters as Array<{ code: string }>).map((c) => c.code);
if (clusterCodes.join() !== CLUSTERS.join()) errors.push(`clusters are ${clusterCodes.join()}`);
for (const c of data.clusters as Array<{ code: string; title: Localized; articles: string[] }>) {
  checkLocalized(`cluster ${c.code}.title`, c.title, true);
  for (const ref of c.articles) {
    if (!known.has(ref)) errors.push(`cluster ${c.code}: unknown article ${ref}`);
    if (seen.has(ref)) errors.push(`${ref} in clusters ${seen.get(ref)} and ${c.code}`);
    seen.set(ref, c.code);
  }
}

const stageCodes = (data.stages as Array<{ code: string }>).map((s) => s.code);
if (stageCodes.join() !== STAGES.join()) errors.push(`stages are ${stageCodes.join()}`);
for (const s of data.stages as Array<{ code: string; title: Localized; description: Localized; whatStakeholdersCanDo: Localized }>) {
  checkLocalized(`stage ${s.code}.title`, s.title, true);
  checkLocalized(`stage ${s.code}.description`, s.description, true);
  checkLocalized(`stage ${s.code}.whatStakeholdersCanDo`, s.whatStakeholdersCanDo, true);
}

for (const inst of data.instruments) {
  const locales = LOCALES.map((l) => `${l} ${inst.articles.filter((a: { title: Localized }) => a.title[l]).length}`);
  console.log(`${inst.code}: ${inst.articles.length} articles (titles: ${locales.join(", ")})`);
}
for (const c of data.clusters) {
  const by = Object.keys(EXPECTED_ARTICLES).map((code) => `${code} ${c.articles.filter((r: string) => r.startsWith(`${code}:`)).length}`);
  console.log(`cluster ${c.code}: ${c.articles.length} articles (${by.join(", ")})`);
}
console.log(`unclustered: ${[...known].filter((r) => !seen.has(r)).join(" ")}`);

if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
console.log("treaty.json OK");
