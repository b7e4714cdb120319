import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadSearchPage, toOpenData } from "~/modules/search/search-page.server";
import { LIBRARY_FACETS } from "~/modules/search/search.schema";
import { getPublicOrigin } from "~/utils/http.server";
import { isLocale } from "~/utils/i18n";

/** /library.json?q=…&type=…&lang=fr — the library search as open data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang");
  const data = await loadSearchPage(request, isLocale(lang) ? lang : "en", { defaults: { kind: ["resource"] }, facets: LIBRARY_FACETS });
  return Response.json(toOpenData(data, getPublicOrigin()), { headers: { "Access-Control-Allow-Origin": "*" } });
}
