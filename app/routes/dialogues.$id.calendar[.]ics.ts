import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDialoguesIcs } from "~/modules/dialogues/calendar.server";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { getPublicOrigin, notFound } from "~/utils/http.server";
import { isLocale } from "~/utils/i18n";

/** GET /dialogues/:id/calendar.ics[?lang=fr]: one public dialogue as a calendar file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = dialogueIdParam(params.id);
  const lang = new URL(request.url).searchParams.get("lang");
  const ics = await getDialoguesIcs(isLocale(lang) ? lang : "en", getPublicOrigin(), id);
  if (!ics) notFound();
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="dialogue-${id}.ics"` } });
}
