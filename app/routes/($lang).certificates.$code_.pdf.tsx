import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { getCertificatePdf } from "~/modules/courses/certificates.server";
import { getPublicOrigin, notFound } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";

/** The certificate PDF, in the language of the address, for its holder (and the secretariat). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = getRequestLocale(request);
  const pdf = await getCertificatePdf(params.code, user, locale, getPublicOrigin());
  if (!pdf) notFound();
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${pdf.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
