import { listDialoguesOpenData } from "~/modules/dialogues/queries.server";
import { getPublicOrigin, openDataResponse } from "~/utils/http.server";

/** GET /dialogues.json: open data on every public dialogue. */
export async function loader() {
  return openDataResponse(await listDialoguesOpenData(getPublicOrigin()), { maxAge: 60 });
}
