import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEventPostIcs } from "~/modules/hub/calendar.server";
import { postIdParam } from "~/modules/hub/posts.schema.server";
import { getPublicOrigin, notFound, requestedLanguage } from "~/utils/http.server";

/** GET /hub/posts/:id/event.ics[?lang=fr]: a published event post as a calendar file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = postIdParam(params.id);
  const ics = await getEventPostIcs(id, requestedLanguage(request), getPublicOrigin());
  if (!ics) notFound();
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="hub-event-${id}.ics"` } });
}
