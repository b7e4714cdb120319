import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/modules/auth/session.server";
import { DialogueId } from "~/modules/dialogues/dialogues.schema.server";
import { getSummaryPdfFile } from "~/modules/dialogues/summary-pdf.server";
import { notFound } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";

/** The chair's summary as a PDF in the reader's language; the same visibility as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = DialogueId.safeParse(params.id);
  if (!id.success) notFound();
  const { user } = await getSessionUser(request);
  const pdf = await getSummaryPdfFile(id.data, getRequestLocale(request), user);
  if (!pdf) notFound();
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${pdf.filename}"`,
      "Cache-Control": pdf.published ? "public, max-age=60" : "private, no-store",
    },
  });
}
