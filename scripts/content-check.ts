/**
 * `npm run content:check [-- --root <courses dir>] [--resources <dir>] [--glossary <dir>] [--locales <dir>] [--treaty <file>]`:
 * compiles and checks every course and lesson (app/modules/courses/content-check.server.ts), then
 * the glossary of each language against lessons, resources and interface strings, resource dates
 * and treaty references (content-rules.server.ts). Exits 1 on any error; CI runs it.
 */
import path from "node:path";
import { checkCourses } from "../app/modules/courses/content-check.server";
import { checkGlossary, checkResourceDates, checkTreatyReferences, type ContentRoots } from "../app/modules/courses/content-rules.server";

function option(name: string, fallback: string) {
  const index = process.argv.indexOf(`--${name}`);
  return path.resolve(index > 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback);
}

const roots: ContentRoots = {
  courses: option("root", "content/courses"),
  resources: option("resources", "content/resources"),
  glossary: option("glossary", "content/glossary"),
  locales: option("locales", "app/locales"),
  treaty: option("treaty", "content/treaty/treaty.json"),
};
const started = Date.now();
const report = await checkCourses(roots.courses);
const glossary = checkGlossary(roots);
const dates = checkResourceDates(roots.resources);
const references = checkTreatyReferences(roots);
const errors = [...report.errors, ...glossary, ...dates, ...references];
for (const error of errors) console.error(`✗ ${error}`);
console.log(
  `content:check: ${report.courses} courses, ${report.files} lesson files compiled in ${Date.now() - started} ms; ` +
    `glossary ${glossary.length}, resource dates ${dates.length}, treaty references ${references.length}; ${errors.length} error(s)`,
);
process.exit(errors.length ? 1 : 0);
