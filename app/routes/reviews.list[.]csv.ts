import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReviewListCsv } from "~/modules/reviews/export.server";
import { ReviewListQuery } from "~/modules/reviews/reviews.schema.server";
import { requestedLanguage } from "~/utils/http.server";

/** The review list as CSV, with the filters and sort of /reviews/list; names in `?lang=`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = ReviewListQuery.parse(Object.fromEntries(params));
  const csv = await getReviewListCsv(query, requestedLanguage(request));
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="country-reviews.csv"' },
  });
}
