import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Loads a dependency's CommonJS file with small textual edits and puts it in the module cache under
 * its own file name, so every later `require` of it (Remix, React Router, the app build) gets the
 * edited module. For the few fixes decisions 0031 and 0038 record; each edit must still find its
 * text, or start-up fails loudly instead of silently losing the fix after an upgrade.
 */
export function installEditedModule(specifier: string, edits: Array<[original: string, replacement: string]>, prelude = "") {
  const filename = require.resolve(specifier);
  if (require.cache[filename]) throw new Error(`${specifier} was loaded before its edits were installed: import scripts/lib/remix-internals.ts first.`);
  let source = readFileSync(filename, "utf8");
  for (const [original, replacement] of edits) {
    if (!source.includes(original)) throw new Error(`${specifier} (${filename}) changed: an edit no longer applies; see scripts/lib/remix-internals.ts.`);
    source = source.replace(original, replacement);
  }
  const directive = "'use strict';\n";
  if (prelude) {
    if (!source.includes(directive)) throw new Error(`${specifier} (${filename}) changed: no 'use strict' directive.`);
    source = source.replace(directive, `${directive}${prelude}`);
  }
  const Module = require("node:module") as {
    new (id: string, parent?: unknown): NodeJS.Module & { _compile(source: string, filename: string): void };
    _nodeModulePaths(dir: string): string[];
  };
  const edited = new Module(filename);
  edited.filename = filename;
  edited.paths = Module._nodeModulePaths(path.dirname(filename));
  edited._compile(source, filename);
  edited.loaded = true;
  require.cache[filename] = edited;
}
