import { listDialoguesOpenData } from "~/modules/dialogues/queries.server";
import { getPublicOrigin } from "~/utils/http.server";

/** GET /dialogues.json: open data on every public dialogue. */
export async function loader() {
  return Response.json(await listDialoguesOpenData(getPublicOrigin()), { headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } });
}
