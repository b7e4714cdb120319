import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadSearchPage, toOpenData } from "~/modules/search/search-page.server";
import { LIBRARY_FACETS } from "~/modules/search/search.schema";
import { getPublicOrigin, openDataResponse, requestedLanguage } from "~/utils/http.server";

/** /library.json?q=…&type=…&lang=fr — the library search as open data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const data = await loadSearchPage(request, requestedLanguage(request), { defaults: { kind: ["resource"] }, facets: LIBRARY_FACETS });
  return openDataResponse(toOpenData(data, getPublicOrigin()));
}
