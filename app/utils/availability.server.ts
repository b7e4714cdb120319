import pg from "pg";
import { getLogger } from "~/utils/log.server";

/**
 * Whether PostgreSQL is reachable, as this process last saw it. A connection error (refused,
 * reset, server shutting down, connect timeout) marks the database down; from then on a probe
 * on a fresh connection runs every half second until one succeeds. While it is down the HTTP
 * server answers at once with a 503 instead of letting requests wait on the pool; when it is
 * back, the pool's new connections simply work: no restart.
 */
type State = { downSince: number | null; probing: boolean; shuttingDown: boolean };
const holder = globalThis as typeof globalThis & { __agoraAvailability?: State };
const state = (holder.__agoraAvailability ??= { downSince: null, probing: false, shuttingDown: false });

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "57P01", "57P02", "57P03", "53300"]);

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? "";
  if (CONNECTION_CODES.has(code) || code.startsWith("08")) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(error.message);
}

export function noteDatabaseError(error: unknown) {
  if (!isConnectionError(error)) return;
  if (state.downSince === null) {
    state.downSince = Date.now();
    getLogger().warn({ err: error }, "database unreachable: answering 503 until it is back");
  }
  void probeUntilUp();
}

async function probeUntilUp() {
  if (state.probing) return;
  state.probing = true;
  try {
    while (state.downSince !== null && !state.shuttingDown) {
      await new Promise((resolve) => setTimeout(resolve, 500).unref());
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.query("select 1");
        getLogger().info({ downForMs: Date.now() - state.downSince }, "database reachable again");
        state.downSince = null;
      } catch {
        // still down
      } finally {
        await client.end().catch(() => {});
      }
    }
  } finally {
    state.probing = false;
  }
}

export function isDatabaseDown() {
  return state.downSince !== null;
}

/** Set when the process begins a graceful shutdown: readiness fails so the load balancer drains it. */
export function markShuttingDown() {
  state.shuttingDown = true;
}

export function isShuttingDown() {
  return state.shuttingDown;
}
