/**
 * Loaders get the request itself, not a copy (decision 0038).
 *
 * Remix 2.17's server runtime hands every loader and action `stripRoutesParam(stripIndexParam(request))`:
 * two new `Request` objects per call, made even when the address has neither `?index` nor
 * `?_routes` to strip. That cost two undici Request constructions per loader, and it meant the
 * root loader and the page's loader never saw the same object, so the session check that
 * app/modules/auth/session.server.ts shares per request ran twice on most signed-in pages. With
 * this edit a request with nothing to strip is passed on as it is; one with those parameters is
 * copied as before.
 */
import { installEditedModule } from "./edited-module";

const SPECIFIER = "@remix-run/server-runtime/dist/data.js";

const holder = globalThis as typeof globalThis & { __agoraLoaderRequests?: true };
if (!holder.__agoraLoaderRequests) {
  holder.__agoraLoaderRequests = true;
  installEditedModule(SPECIFIER, [
    [
      "function stripIndexParam(request) {\n  let url = new URL(request.url);\n",
      "function stripIndexParam(request) {\n  let url = new URL(request.url);\n  if (!url.searchParams.has(\"index\")) return request;\n",
    ],
    [
      "function stripRoutesParam(request) {\n  let url = new URL(request.url);\n",
      "function stripRoutesParam(request) {\n  let url = new URL(request.url);\n  if (!url.searchParams.has(\"_routes\")) return request;\n",
    ],
  ]);
}
