import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { exportAccountData } from "~/modules/hub/account-data.server";

/** All of the signed-in member's data as one JSON file; only ever their own (no id in the address). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = JSON.stringify(await exportAccountData(user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="agora-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      // Personal data: never kept by a shared cache or the browser's back/forward cache.
      "Cache-Control": "private, no-store",
    },
  });
}
