import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDialoguesIcs } from "~/modules/dialogues/calendar.server";
import { getPublicOrigin, requestedLanguage } from "~/utils/http.server";

/** GET /dialogues.ics[?lang=fr]: every public dialogue as a calendar feed to subscribe to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ics = await getDialoguesIcs(requestedLanguage(request), getPublicOrigin());
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="dialogues.ics"', "Cache-Control": "public, max-age=300" } });
}
