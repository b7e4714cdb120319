import { getHealth } from "~/modules/health/health.server";

/** Liveness and dependencies, for load balancers and monitoring (people read /status): never cached. */
export async function loader() {
  const health = await getHealth();
  return Response.json(health, {
    status: health.database === "up" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
