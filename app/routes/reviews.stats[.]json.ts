import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReviewStatsOpenData } from "~/modules/reviews/export.server";
import { isLocale } from "~/utils/i18n";

/**
 * GET /reviews/stats.json: the review-status figures as they stand (public; zeros on empty data),
 * with `dataSource` saying whether they are illustrative (in `?lang=`, English by default).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang");
  return Response.json(await getReviewStatsOpenData(isLocale(lang) ? lang : "en"), {
    headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" },
  });
}
