/**
 * `npm run content:check [-- --root <dir>]`: compiles and checks every course and lesson (see
 * app/modules/courses/content-check.server.ts). Exits 1 on any error; CI runs it.
 */
import path from "node:path";
import { checkCourses } from "../app/modules/courses/content-check.server";

const rootFlag = process.argv.indexOf("--root");
const root = path.resolve(rootFlag > 0 && process.argv[rootFlag + 1] ? process.argv[rootFlag + 1]! : "content/courses");
const started = Date.now();
const report = await checkCourses(root);
for (const error of report.errors) console.error(`✗ ${error}`);
console.log(`content:check: ${report.courses} courses, ${report.files} lesson files compiled in ${Date.now() - started} ms, ${report.errors.length} error(s)`);
process.exit(report.errors.length ? 1 : 0);
