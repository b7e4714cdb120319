import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { getCoursePdfFile } from "~/modules/courses/course-pdf.server";
import { notFound } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";

/** The whole course as a PDF in the reader's language, for signed-in learners. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const pdf = await getCoursePdfFile(params.course ?? "", getRequestLocale(request));
  if (!pdf) notFound();
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${pdf.filename}"`,
      "Cache-Control": "private, max-age=3600",
    },
  });
}
