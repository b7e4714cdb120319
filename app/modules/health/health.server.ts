import { sql } from "kysely";
import { getSearchStatus } from "~/modules/search/client.server";
import { getDb } from "~/utils/db.server";

export async function getHealth() {
  const database = await sql`select 1`
    .execute(getDb())
    .then(() => "up" as const)
    .catch(() => "down" as const);
  const search = await getSearchStatus();
  return { status: database === "up" ? "ok" : "degraded", database, search };
}
