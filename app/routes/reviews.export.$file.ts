import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/modules/auth/session.server";
import { exportStatusFile, isExportFile } from "~/modules/reviews/export.server";
import { notFound, requestedLanguage } from "~/utils/http.server";

/**
 * /reviews/export/{parties,reviews,focal_points}.csv: the import's own files, so that exporting
 * and importing again changes nothing. Focal-point names and e-mails only for the secretariat.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (!isExportFile(file)) notFound();
  const { user } = await getSessionUser(request);
  const includeContacts = user?.role === "secretariat";
  const csv = await exportStatusFile(file, { includeContacts, locale: requestedLanguage(request) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file}"`,
      // Contacts are personal data: never cached by anyone.
      "Cache-Control": includeContacts ? "private, no-store" : "public, max-age=60",
      Vary: "Cookie",
    },
  });
}
