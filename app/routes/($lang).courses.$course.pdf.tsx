import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { getCoursePdf } from "~/modules/courses/course-pdf.server";
import { getCourseForOffline } from "~/modules/courses/lessons.server";
import { notFound } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";

/** The whole course as a PDF in the reader's language, for signed-in learners. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const locale = getRequestLocale(request);
  const offline = await getCourseForOffline(params.course ?? "", locale);
  if (!offline) notFound();
  const bytes = await getCoursePdf(offline, locale);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${offline.course.slug}-${locale}.pdf"`,
      "Cache-Control": "private, max-age=3600",
    },
  });
}
