import { Migrator, sql } from "kysely";
import { migrations } from "../../../db/migrations/index";
import { getSearchStatus } from "~/modules/search/client.server";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { isShuttingDown } from "~/utils/availability.server";
import { formatMomentWithZone } from "~/utils/format";

/** Liveness, with what the process sees of its dependencies (for people; the answer is 200 while the process serves). */
export async function getHealth() {
  const database = await sql`select 1`
    .execute(getDb())
    .then(() => "up" as const)
    .catch(() => "down" as const);
  const search = await getSearchStatus();
  return { status: database === "up" ? "ok" : "degraded", database, search };
}

export type ServiceState = "up" | "down" | "limited";

/**
 * The status page's view of `getHealth`: each part of the service as a person knows it, the
 * overall state, and when it was checked (in the reader's language, UTC).
 */
export async function getStatusView(locale: Locale) {
  const health = await getHealth();
  const parts: Array<{ key: "website" | "database" | "search"; state: ServiceState }> = [
    { key: "website", state: "up" },
    { key: "database", state: health.database },
    { key: "search", state: health.search === "meilisearch" ? "up" : "limited" },
  ];
  const overall: ServiceState = health.database === "down" ? "down" : health.search === "meilisearch" ? "up" : "limited";
  const checkedAt = formatMomentWithZone(new Date(), locale);
  return { overall, parts, checkedAt };
}

/**
 * Readiness, for load balancers: the database answers, every migration this release knows is
 * applied, and the process is not shutting down.
 */
export async function getReadiness(): Promise<{ ready: boolean; reason?: "shutting-down" | "database" | "migrations"; pending?: number }> {
  if (isShuttingDown()) return { ready: false, reason: "shutting-down" };
  try {
    const migrator = new Migrator({ db: getDb(), provider: { getMigrations: async () => migrations } });
    const pending = (await migrator.getMigrations()).filter((migration) => !migration.executedAt).length;
    return pending ? { ready: false, reason: "migrations", pending } : { ready: true };
  } catch {
    return { ready: false, reason: "database" };
  }
}
