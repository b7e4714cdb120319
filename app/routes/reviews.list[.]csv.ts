import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReviewListCsv } from "~/modules/reviews/export.server";
import { ReviewListQuery } from "~/modules/reviews/reviews.schema.server";
import { isLocale } from "~/utils/i18n";

/** The review list as CSV, with the filters and sort of /reviews/list; names in `?lang=`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = ReviewListQuery.parse(Object.fromEntries(params));
  const lang = params.get("lang");
  const csv = await getReviewListCsv(query, isLocale(lang) ? lang : "en");
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="country-reviews.csv"' },
  });
}
