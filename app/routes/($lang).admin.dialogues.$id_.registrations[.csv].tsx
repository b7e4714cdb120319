import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/session.server";
import { dialogueIdParam, RegistrantQuery } from "~/modules/dialogues/dialogues.schema.server";
import { getRegistrantsCsv } from "~/modules/dialogues/export.server";
import { notFound } from "~/utils/http.server";

/** The registrant list (as filtered) as CSV, UTF-8 with BOM so spreadsheet programs read accents right. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const id = dialogueIdParam(params.id);
  const query = RegistrantQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await getRegistrantsCsv(id, query, user);
  if (csv === null) notFound();
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="dialogue-${id}-registrants.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
