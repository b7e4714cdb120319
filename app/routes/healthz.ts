import { getHealth } from "~/modules/health/health.server";

/** Liveness: 200 while the process serves, with the state of the database and search engine (never cached). */
export async function loader() {
  const health = await getHealth();
  return Response.json(health, { headers: { "Cache-Control": "no-store" } });
}
