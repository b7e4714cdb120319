/**
 * Route matching without rebuilding the route tree on every call (decision 0031).
 *
 * `@remix-run/router` 1.23 (pinned by Remix 2.17.5, the last v2) flattens and ranks the whole route
 * tree on every `matchRoutes` call and compiles a regular expression for every route pattern it
 * tries. A document request calls it four to six times (the request handler, the static handler's
 * query, React Router's render, and once per parent path for the lazy-discovery manifest), and every
 * `($lang)` route is two branches: ~1–2 ms of CPU per request, the largest single cost in a profile
 * of a signed-in page.
 *
 * This module, imported before anything loads Remix, loads the router's CommonJS build with small
 * edits and puts it in the module cache under its own file name, so every caller (server runtime,
 * React Router, Remix's browser-side helpers rendered on the server) gets the same module:
 * - `matchRoutesImpl` remembers the answer for each route-tree structure and path (5,000 at most,
 *   oldest forgotten first), and answers again with the route objects of the tree it is given
 *   (React Router builds an identical tree for every request); a tree whose routes lack unique ids
 *   is matched as before;
 * - when it must match, it keeps the flattened, ranked branches of each route array (a WeakMap);
 * - `compilePath` keeps each compiled pattern (patterns come from route definitions, not URLs).
 * Route trees are never changed in place on the server (lazy route discovery patches routes in the
 * browser only, where the original module runs). If the router's text no longer contains what is
 * edited, start-up fails loudly rather than silently losing the fix; scripts/lib/route-matching.test.ts
 * counts flattenings per request.
 */
import { installEditedModule } from "./edited-module";

type RouteMatchingStats = { flattenings: number; compilations: number; cachedMatches: number };

const holder = globalThis as typeof globalThis & { __agoraRouteMatching?: RouteMatchingStats };

/** Helpers put at the top of the router's module: route-tree identities and the match cache. */
const PRELUDE = `
const __stats = globalThis.__agoraRouteMatching;
const __rankedBranches = new WeakMap();
const __compiledPaths = new Map();
const __trees = new WeakMap();
const __signatures = new Map();
const __matches = new Map();
/* A route array's structure as a small number (equal trees, equal numbers) and its routes by id; null without unique ids. */
function __treeOf(routes) {
  let tree = __trees.get(routes);
  if (tree !== undefined) return tree;
  const parts = [];
  const byId = new Map();
  let usable = true;
  const walk = (list, depth) => {
    for (const route of list) {
      if (typeof route.id !== "string" || byId.has(route.id)) usable = false;
      byId.set(route.id, route);
      parts.push(depth + "|" + route.id + "|" + route.path + "|" + (route.index === true) + "|" + (route.caseSensitive === true));
      if (route.children && route.children.length > 0) walk(route.children, depth + 1);
    }
  };
  walk(routes, 0);
  tree = null;
  if (usable) {
    const signature = parts.join("\\n");
    let number = __signatures.get(signature);
    if (number === undefined) __signatures.set(signature, (number = __signatures.size));
    tree = { number, byId };
  }
  __trees.set(routes, tree);
  return tree;
}
function __remember(key, matches) {
  if (__matches.size >= 5000) __matches.delete(__matches.keys().next().value);
  __matches.set(key, matches === null ? null : {
    params: Object.assign({}, matches.length > 0 ? matches[0].params : {}),
    list: matches.map((match) => ({ id: match.route.id, pathname: match.pathname, pathnameBase: match.pathnameBase })),
  });
}
/* A remembered match, with this tree's route objects and a params object of its own (shared by the matches, as the router does). */
function __materialize(remembered, tree) {
  if (remembered === null) return null;
  const params = Object.assign({}, remembered.params);
  return remembered.list.map((match) => ({ params, pathname: match.pathname, pathnameBase: match.pathnameBase, route: tree.byId.get(match.id) }));
}
`;

const EDITS: Array<[string, string]> = [
  [
    "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n",
    "  const __tree = __treeOf(routes);\n" +
      "  const __key = __tree === null ? null : (allowPartial ? \"p\" : \"e\") + __tree.number + \" \" + pathname;\n" +
      "  if (__key !== null) {\n" +
      "    const remembered = __matches.get(__key);\n" +
      "    if (remembered !== undefined) {\n" +
      "      __stats.cachedMatches++;\n" +
      "      return __materialize(remembered, __tree);\n" +
      "    }\n" +
      "  }\n" +
      "  let branches = __rankedBranches.get(routes);\n" +
      "  if (!branches) {\n" +
      "    branches = flattenRoutes(routes);\n" +
      "    rankRouteBranches(branches);\n" +
      "    __rankedBranches.set(routes, branches);\n" +
      "    __stats.flattenings++;\n" +
      "  }\n",
  ],
  [
    "    matches = matchRouteBranch(branches[i], decoded, allowPartial);\n  }\n  return matches;\n",
    "    matches = matchRouteBranch(branches[i], decoded, allowPartial);\n  }\n  if (__key !== null) __remember(__key, matches);\n  return matches;\n",
  ],
  [
    "function compilePath(path, caseSensitive, end) {\n",
    "function compilePath(path, caseSensitive, end) {\n" +
      "  const key = (caseSensitive ? \"1\" : \"0\") + (end === false ? \"0\" : \"1\") + path;\n" +
      "  let compiled = __compiledPaths.get(key);\n" +
      "  if (!compiled) {\n" +
      "    if (__compiledPaths.size > 5000) __compiledPaths.clear();\n" +
      "    compiled = compilePathUncached(path, caseSensitive, end);\n" +
      "    __compiledPaths.set(key, compiled);\n" +
      "    __stats.compilations++;\n" +
      "  }\n" +
      "  return compiled;\n" +
      "}\n" +
      "function compilePathUncached(path, caseSensitive, end) {\n",
  ],
];

/** How many route-tree flattenings and pattern compilations this process has done (for tests). */
export function routeMatchingStats(): RouteMatchingStats {
  return holder.__agoraRouteMatching ?? { flattenings: NaN, compilations: NaN, cachedMatches: NaN };
}

function installMemoizedRouter() {
  if (holder.__agoraRouteMatching) return;
  holder.__agoraRouteMatching = { flattenings: 0, compilations: 0, cachedMatches: 0 };
  installEditedModule("@remix-run/router", EDITS, PRELUDE);
}

installMemoizedRouter();
