import { getReviewStats } from "~/modules/reviews/queries.server";

/** GET /reviews/stats.json: the review-status figures as they stand (public; zeros on empty data). */
export async function loader() {
  return Response.json(await getReviewStats(), {
    headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" },
  });
}
