import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadSearchPage, toOpenData } from "~/modules/search/search-page.server";
import { SEARCH_FACETS } from "~/modules/search/search.schema";
import { getPublicOrigin, openDataResponse, requestedLanguage } from "~/utils/http.server";

/** /search.json?q=…&lang=fr — the platform-wide search as open data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const data = await loadSearchPage(request, requestedLanguage(request), { facets: SEARCH_FACETS });
  return openDataResponse(toOpenData(data, getPublicOrigin()));
}
