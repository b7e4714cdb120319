/**
 * A route's `handle`: what the page needs besides its loader. Every route module declares its own
 * (decisions 0033 and 0035), with one line: `export const handle = pageHandle({ i18n: ["courses"] })`.
 */
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
