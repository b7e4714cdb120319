import type { LoaderFunctionArgs } from "@remix-run/node";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { findDialogue, getParticipation } from "~/modules/dialogues/queries.server";
import { notFound } from "~/utils/http.server";

/** GET /dialogues/:id/participation.json: who took part in a held dialogue (open data). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = dialogueIdParam(params.id);
  const found = await findDialogue(id, null);
  if (!found || (found.dialogue.state !== "held" && found.dialogue.state !== "summary_published")) notFound();
  const participation = await getParticipation(id);
  return Response.json(
    { ...participation, illustrative: found.dialogue.illustrative },
    { headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } },
  );
}
