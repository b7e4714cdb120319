import { Meilisearch } from "meilisearch";
import { getEnv } from "~/utils/env.server";

/**
 * The one place that talks to Meilisearch. Everything else asks this module for the client and
 * for whether search runs on Meilisearch or on the PostgreSQL fallback.
 */
const holder = globalThis as typeof globalThis & { __agoraMeili?: Meilisearch | null };

export function getMeili(): Meilisearch | null {
  if (holder.__agoraMeili === undefined) {
    const { MEILI_URL, MEILI_MASTER_KEY } = getEnv();
    holder.__agoraMeili = MEILI_URL
      ? new Meilisearch({
          host: MEILI_URL,
          apiKey: MEILI_MASTER_KEY,
          // Closing each connection avoids Node's keep-alive / delayed-ACK stall (see STACK-NOTES).
          requestInit: { headers: { Connection: "close" } },
          timeout: 2_000,
        })
      : null;
  }
  return holder.__agoraMeili;
}

export type SearchBackend = "meilisearch" | "postgres-fallback";

let lastCheck: { at: number; backend: SearchBackend } | undefined;

/** Which engine answers searches now; Meilisearch health is checked at most once a second. */
export async function getSearchStatus(): Promise<SearchBackend> {
  if (lastCheck && Date.now() - lastCheck.at < 1_000) return lastCheck.backend;
  const meili = getMeili();
  let backend: SearchBackend = "postgres-fallback";
  if (meili) {
    backend = await meili
      .health()
      .then((health: { status: string }) => (health.status === "available" ? ("meilisearch" as const) : ("postgres-fallback" as const)))
      .catch(() => "postgres-fallback" as const);
  }
  lastCheck = { at: Date.now(), backend };
  return backend;
}

/** Index names carry a prefix so test runs and environments never share an index. */
export function indexName(name: string) {
  return `${getEnv().MEILI_INDEX_PREFIX}${name}`;
}
