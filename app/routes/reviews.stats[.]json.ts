import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReviewStatsOpenData } from "~/modules/reviews/export.server";
import { openDataResponse, requestedLanguage } from "~/utils/http.server";

/**
 * GET /reviews/stats.json: the review-status figures as they stand (public; zeros on empty data),
 * with `dataSource` saying whether they are illustrative (in `?lang=`, English by default).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return openDataResponse(await getReviewStatsOpenData(requestedLanguage(request)), { maxAge: 60 });
}
