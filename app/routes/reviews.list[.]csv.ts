import type { LoaderFunctionArgs } from "@remix-run/node";
import { noticeLines } from "~/modules/provenance/provenance.server";
import { toCsv } from "~/utils/csv.server";
import { listReviews } from "~/modules/reviews/queries.server";
import { ReviewListQuery } from "~/modules/reviews/reviews.schema.server";
import { isLocale } from "~/utils/i18n";

/** The review list as CSV, with the filters and sort of /reviews/list; names in `?lang=`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = ReviewListQuery.parse(Object.fromEntries(params));
  const lang = params.get("lang");
  const locale = isLocale(lang) ? lang : "en";
  const { items, notice } = await listReviews({ ...query, page: undefined }, locale);
  // Illustrative data say so in the file itself, above the header.
  const csv = (await noticeLines(notice, locale)) + toCsv(
    items.map((item) => ({
      cluster: item.cluster,
      state_under_review: item.state_under_review,
      name: item.name,
      group: item.group ?? "",
      stage: item.stage,
      reviewer_1: item.reviewer_1,
      reviewer_2: item.reviewer_2,
      languages: item.languages.join(";"),
      initial_consultation_on: item.initial_consultation_on ?? "",
      saq_submitted_on: item.saq_submitted_on ?? "",
      feedback_submitted_on: item.feedback_submitted_on ?? "",
      observations_final_on: item.observations_final_on ?? "",
    })),
    { header: true, columns: ["cluster", "state_under_review", "name", "group", "stage", "reviewer_1", "reviewer_2", "languages", "initial_consultation_on", "saq_submitted_on", "feedback_submitted_on", "observations_final_on"] },
  );
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="country-reviews.csv"' },
  });
}
