import type { LoaderFunctionArgs } from "@remix-run/node";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { getParticipationOpenData } from "~/modules/dialogues/queries.server";
import { notFound, openDataResponse } from "~/utils/http.server";

/** GET /dialogues/:id/participation.json: who took part in a held dialogue (open data). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = dialogueIdParam(params.id);
  const participation = await getParticipationOpenData(id);
  if (!participation) notFound();
  return openDataResponse(participation, { maxAge: 60 });
}
