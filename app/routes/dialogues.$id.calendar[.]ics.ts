import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDialoguesIcs } from "~/modules/dialogues/calendar.server";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { getPublicOrigin, notFound, requestedLanguage } from "~/utils/http.server";

/** GET /dialogues/:id/calendar.ics[?lang=fr]: one public dialogue as a calendar file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = dialogueIdParam(params.id);
  const ics = await getDialoguesIcs(requestedLanguage(request), getPublicOrigin(), id);
  if (!ics) notFound();
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="dialogue-${id}.ics"` } });
}
