/**
 * A route's `handle`: what the page needs besides its loader. Every route module declares its own
 * (decisions 0033 and 0035), with one line: `export const handle = pageHandle({ i18n: ["courses"] })`.
 */
import { matchRoutes } from "@remix-run/react";
import type { resources } from "~/locales";

/** A translation namespace: a file of app/locales/<locale>/ ("common" is on every page). */
export type Namespace = keyof (typeof resources)["en"];

export type RouteHandle = {
  /** The namespaces the route's own components translate with, besides "common". */
  i18n?: readonly Namespace[];
  /** `false` serves the page without JavaScript: no scripts, no serialized loader data (decision 0033). */
  hydrate?: boolean;
};

/** A route's handle, typed: namespaces are checked against app/locales. */
export function pageHandle(handle: RouteHandle): RouteHandle {
  return handle;
}

/**
 * The namespaces a page needs: "common", then those its matched routes declare, outermost route
 * first and each once (the order is the order of the translations the root loader sends).
 */
export function pageNamespaces(handles: readonly unknown[]): Namespace[] {
  const namespaces = new Set<Namespace>(["common"]);
  for (const handle of handles) for (const namespace of (handle as RouteHandle | undefined)?.i18n ?? []) namespaces.add(namespace);
  return [...namespaces];
}


/**
 * In the browser: the namespaces of the page at `pathname` (sorted, joined), from the handles of
 * the routes it matches; null when that is not known yet, because a matched route's module has not
 * been loaded (its handle comes with it). Remix keeps its router in `window.__remixRouter` (as
 * remix-i18next reads `window.__remixRouteModules`); without it the answer is null too.
 */
export function browserPageNamespaces(pathname: string): string | null {
  const router = (globalThis as { __remixRouter?: { routes: Parameters<typeof matchRoutes>[0] } }).__remixRouter;
  const matches = router ? matchRoutes(router.routes, pathname) : null;
  if (!matches || matches.some((match) => match.route.lazy)) return null;
  return pageNamespaces(matches.map((match) => match.route.handle))
    .sort()
    .join(",");
}
