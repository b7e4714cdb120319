import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadSearchPage, toOpenData } from "~/modules/search/search-page.server";
import { SEARCH_FACETS } from "~/modules/search/search.schema";
import { getPublicOrigin } from "~/utils/http.server";
import { isLocale } from "~/utils/i18n";

/** /search.json?q=…&lang=fr — the platform-wide search as open data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang");
  const data = await loadSearchPage(request, isLocale(lang) ? lang : "en", { facets: SEARCH_FACETS });
  return Response.json(toOpenData(data, getPublicOrigin()), { headers: { "Access-Control-Allow-Origin": "*" } });
}
