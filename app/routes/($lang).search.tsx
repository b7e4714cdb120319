import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SearchView } from "~/components/search/search-view";
import { loadSearchPage } from "~/modules/search/search-page.server";
import { SEARCH_FACETS } from "~/modules/search/search.schema";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

// Served without the app's scripts; search as you type comes from live-search.js (decision 0037).
export const handle = pageHandle({ i18n: ["library"], hydrate: false });

export async function loader({ request }: LoaderFunctionArgs) {
  return loadSearchPage(request, getRequestLocale(request), { facets: SEARCH_FACETS });
}

export default function Search() {
  const { t } = useTranslation("library");
  const data = useLoaderData<typeof loader>();
  return <SearchView data={data} title={t("searchTitle")} intro={t("searchIntro")} facets={SEARCH_FACETS} jsonPath="/search.json" />;
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "library:searchTitle");
