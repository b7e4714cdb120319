/**
 * Small edits to Remix's own modules that remove per-request waste a profile showed, installed
 * before anything loads Remix: import this first in every entry point that serves the app
 * (server.ts, start.ts, dev.ts). Each edit fails start-up loudly if an upgrade removed its text.
 * - the router matches routes from memory (route-matching.ts, decision 0031);
 * - loaders get the request itself, not a copy (decision 0038): the runtime's
 *   `stripIndexParam`/`stripRoutesParam` built two new `Request`s per loader even with nothing to
 *   strip, so the root loader and the page's loader never shared the per-request session check;
 * - `RemixServer` builds its route objects once per build, not on every render (decision 0038):
 *   `createServerRoutes` derives them from the manifest and route modules only (~0.8 ms a page);
 * - the loader data for hydration is encoded only when the page renders `<Scripts>` (decision
 *   0038): the runtime encoded it for every document, though a page that does not hydrate
 *   (`handle.hydrate: false`, decision 0033) never sends it (~0.45 ms a page).
 */
import "./route-matching";
import { installEditedModule } from "./edited-module";

const holder = globalThis as typeof globalThis & { __agoraRemixEdits?: true };

if (!holder.__agoraRemixEdits) {
  holder.__agoraRemixEdits = true;
  // data.js first: compiling the runtime's server.js requires it.
  installEditedModule("@remix-run/server-runtime/dist/data.js", [
    [
      "function stripIndexParam(request) {\n  let url = new URL(request.url);\n",
      'function stripIndexParam(request) {\n  let url = new URL(request.url);\n  if (!url.searchParams.has("index")) return request;\n',
    ],
    [
      "function stripRoutesParam(request) {\n  let url = new URL(request.url);\n",
      'function stripRoutesParam(request) {\n  let url = new URL(request.url);\n  if (!url.searchParams.has("_routes")) return request;\n',
    ],
  ]);
  installEditedModule("@remix-run/server-runtime/dist/server.js", [
    [
      "    ...(build.future.v3_singleFetch ? {\n      serverHandoffStream: singleFetch.encodeViaTurboStream(state, request.signal, build.entry.module.streamTimeout, serverMode),\n      renderMeta: {}\n",
      "    ...(build.future.v3_singleFetch ? {\n      renderMeta: {}\n",
    ],
    [
      "  let handleDocumentRequestFunction = build.entry.module.default;\n",
      // Not enumerable: the error render's `{ ...entryContext }` must not encode it either.
      "  if (build.future.v3_singleFetch) {\n" +
        "    let handoff;\n" +
        '    Object.defineProperty(entryContext, "serverHandoffStream", { configurable: true, get: () => handoff ??= singleFetch.encodeViaTurboStream(state, request.signal, build.entry.module.streamTimeout, serverMode) });\n' +
        "  }\n" +
        "  let handleDocumentRequestFunction = build.entry.module.default;\n",
    ],
  ]);
  installEditedModule(
    "@remix-run/react/dist/server.js",
    [
      ["routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode)", "__serverRoutes(manifest.routes, routeModules, context.future, context.isSpaMode)"],
      // StreamTransfer reads only after <Scripts> rendered: take the reader (and so encode) then.
      ["context.future.v3_singleFetch && context.serverHandoffStream ?", 'context.future.v3_singleFetch && "serverHandoffStream" in context ?'],
      ["reader: context.serverHandoffStream.getReader(),", "reader: __lazyReader(context),"],
    ],
    `
const __serverRoutesByManifest = new WeakMap();
/* createServerRoutes' answer depends only on its four arguments; the route modules object is new
   on every request (the runtime rebuilds it from the build), so it is compared module by module. */
function __serverRoutes(manifestRoutes, routeModules, future, isSpaMode) {
  const kept = __serverRoutesByManifest.get(manifestRoutes);
  if (kept && kept.future === future && kept.isSpaMode === isSpaMode && __sameModules(kept.routeModules, routeModules)) return kept.routes;
  const routes = require("./routes.js").createServerRoutes(manifestRoutes, routeModules, future, isSpaMode);
  __serverRoutesByManifest.set(manifestRoutes, { future, isSpaMode, routeModules: Object.assign({}, routeModules), routes });
  return routes;
}
function __lazyReader(context) {
  let reader;
  return { read: () => (reader ??= context.serverHandoffStream.getReader()).read() };
}
function __sameModules(a, b) {
  const ids = Object.keys(b);
  if (Object.keys(a).length !== ids.length) return false;
  for (const id of ids) if (a[id] !== b[id]) return false;
  return true;
}
`,
  );
}
