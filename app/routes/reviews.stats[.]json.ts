import type { LoaderFunctionArgs } from "@remix-run/node";
import { noticeJson } from "~/modules/provenance/provenance.server";
import { getReviewStats, getReviewsNotice } from "~/modules/reviews/queries.server";
import { isLocale } from "~/utils/i18n";

/**
 * GET /reviews/stats.json: the review-status figures as they stand (public; zeros on empty data),
 * with `dataSource` saying whether they are illustrative (in `?lang=`, English by default).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : "en";
  const [stats, notice] = await Promise.all([getReviewStats(), getReviewsNotice(locale)]);
  return Response.json({ dataSource: await noticeJson(notice, locale), ...stats }, {
    headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" },
  });
}
