import { getReadiness } from "~/modules/health/health.server";

/** Readiness: 503 while the database is unreachable, migrations are pending or the process is shutting down. */
export async function loader() {
  const readiness = await getReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
