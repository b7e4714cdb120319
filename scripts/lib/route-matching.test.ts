// First: the memoized router must be in place before Remix loads it (as in scripts/server.ts).
import { routeMatchingStats } from "./route-matching";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";

type RouteNode = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children: RouteNode[] };
type MatchRoutes = (routes: RouteNode[], location: string) => Array<{ route: { id: string }; params: Record<string, string | undefined> }> | null;

const require = createRequire(import.meta.url);
let build: ServerBuild;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  process.env.JOBS = "off";
  const { createRequestHandler } = await import("@remix-run/node");
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request, { nonce: "test", ip: "127.0.0.1", requestId: "route-matching-test", i18nNamespaces: ["common"] });
});

/** The route tree of the build, as Remix hands it to the router. */
function routeTree(): RouteNode[] {
  const nodes = new Map<string, RouteNode>();
  for (const route of Object.values(build.routes)) nodes.set(route!.id, { id: route!.id, path: route!.path, index: route!.index, caseSensitive: route!.caseSensitive, children: [] });
  const roots: RouteNode[] = [];
  for (const route of Object.values(build.routes)) (route!.parentId ? nodes.get(route!.parentId)!.children : roots).push(nodes.get(route!.id)!);
  return roots;
}

/** The router as published, loaded apart from the memoized one, to compare answers. */
function unmemoizedMatchRoutes(): MatchRoutes {
  const filename = require.resolve("@remix-run/router");
  const module = { exports: {} as { matchRoutes: MatchRoutes } };
  new Function("exports", "module", "require", readFileSync(filename, "utf8"))(module.exports, module, require);
  return module.exports.matchRoutes;
}

const ENGLISH = `agora_lng=${encodeURIComponent(Buffer.from('"en"').toString("base64"))}`;

describe("route matching", () => {
  it("flattens no route tree and compiles no pattern for a page already seen, and at most one tree for a new one", async () => {
    const pages = ["/courses", "/fr/library", "/courses/review-mechanism/01-what-is-the-review-mechanism", "/reviews", "/no-such-page", "/ar/countries/KEN"];
    for (const page of pages) await (await handle(new Request(`http://localhost${page}`, { headers: { cookie: ENGLISH } }))).text(); // warm-up
    for (const page of pages) {
      const before = { ...routeMatchingStats() };
      const response = await handle(new Request(`http://localhost${page}`, { headers: { cookie: ENGLISH } }));
      await response.text();
      expect(response.status, page).toBeLessThan(500);
      // The request handler, the static handler, React Router, and the manifest's parent paths: all remembered.
      expect(routeMatchingStats().flattenings - before.flattenings, page).toBe(0);
      expect(routeMatchingStats().compilations - before.compilations, page).toBe(0);
      expect(routeMatchingStats().cachedMatches - before.cachedMatches, page).toBeGreaterThanOrEqual(3);
    }
    // A page not seen before: the server's trees are kept; React Router's per-request tree is flattened once.
    const before = { ...routeMatchingStats() };
    await (await handle(new Request(`http://localhost/library?q=${Date.now()}`, { headers: { cookie: ENGLISH } }))).text();
    await (await handle(new Request(`http://localhost/es/no-such-page-${Date.now()}`, { headers: { cookie: ENGLISH } }))).text();
    expect(routeMatchingStats().flattenings - before.flattenings).toBeLessThanOrEqual(2);
  });

  it("answers as the published router does", async () => {
    const { matchRoutes } = require("@remix-run/router") as { matchRoutes: MatchRoutes };
    const original = unmemoizedMatchRoutes();
    expect(original).not.toBe(matchRoutes);
    const tree = routeTree();
    const paths = ["/", "/fr", "/fr/", "/courses", "/COURSES", "/zh/courses/review-mechanism/02", "/courses/x/y/z", "/library/some-slug", "/library.json", "/search.json",
      "/reviews/list.csv", "/dialogues/12/calendar.ics", "/es/dialogues/12/summary.pdf", "/admin/dialogues/3/registrations.csv", "/xx/courses", "/fr/no/such/page", "/healthz", "/%E4%B8%AD"];
    for (const location of paths) {
      const simplify = (matches: ReturnType<MatchRoutes>) => matches?.map((match) => [match.route.id, match.params]);
      expect(simplify(matchRoutes(tree, location)), location).toEqual(simplify(original(tree, location)));
      expect(simplify(matchRoutes(tree, location)), location).toEqual(simplify(original(tree, location))); // from the cache
    }
  });
});
