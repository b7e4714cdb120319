import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/modules/auth/session.server";
import { DialogueId } from "~/modules/dialogues/dialogues.schema.server";
import { getSummaryPdf } from "~/modules/dialogues/summary-pdf.server";
import { getSummaryView } from "~/modules/dialogues/summary.server";
import { notFound } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";

/** The chair's summary as a PDF in the reader's language; the same visibility as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = DialogueId.safeParse(params.id);
  if (!id.success) notFound();
  const locale = getRequestLocale(request);
  const { user } = await getSessionUser(request);
  const view = await getSummaryView(id.data, locale, user);
  if (!view) notFound();
  const bytes = await getSummaryPdf(view, locale);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="chairs-summary-${view.id}-${locale}.pdf"`,
      "Cache-Control": view.published ? "public, max-age=60" : "private, no-store",
    },
  });
}
