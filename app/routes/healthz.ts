import { getHealth } from "~/modules/health/health.server";

/** Liveness and dependencies, for load balancers and people: never cached. */
export async function loader() {
  const health = await getHealth();
  return Response.json(health, {
    status: health.database === "up" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
