import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/session.server";
import { getLearningCsv } from "~/modules/courses/report.server";
import { getRequestLocale } from "~/utils/i18n.server";

/** The learning statistics as one CSV file (UTF-8 with BOM so spreadsheet programs read accents right). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const csv = await getLearningCsv(getRequestLocale(request));
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="learning-statistics-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
