/**
 * The translation namespaces of the page a request renders (decision 0035): "common" and what the
 * route modules it matches declare in their `handle`. The HTTP server works this out from the
 * build and hands it to the loaders in the load context, where the root loader sends those strings.
 * Matching goes through the memoized router (decision 0031): the same tree object for one build.
 */
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import { pageNamespaces, type Namespace } from "../../app/utils/route-handle";

type RouteTree = Parameters<typeof matchRoutes>[0];

const trees = new WeakMap<ServerBuild["routes"], RouteTree>();

/** The build's flat route list as the nested tree the router matches (as Remix builds it). */
function routeTree(routes: ServerBuild["routes"], parentId?: string): RouteTree {
  return Object.values(routes)
    .filter((route) => route.parentId === parentId)
    .map(({ id, path, index, caseSensitive }) => (index ? { id, path, caseSensitive, index } : { id, path, caseSensitive, children: routeTree(routes, id) }));
}

/** The namespaces of the page at `pathname` (a document address or Remix's `.data` address for it). */
export function namespacesOfPage(build: Pick<ServerBuild, "routes">, pathname: string): Namespace[] {
  let tree = trees.get(build.routes);
  if (!tree) trees.set(build.routes, (tree = routeTree(build.routes)));
  // Client navigation asks for "/courses.data" ("/_root.data" for "/"): the same rewrite Remix makes.
  const path = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  const matches = matchRoutes(tree, path) ?? [];
  return pageNamespaces(matches.map((match) => build.routes[match.route.id ?? ""]?.module.handle));
}
