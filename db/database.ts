import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

// Keep numeric and bigint counts as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// Dates (not timestamps) stay ISO strings: a review date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DB = Kysely<Database>;

export type DatabaseErrorListener = (error: unknown) => void;

export function createPool(connectionString: string, onError?: DatabaseErrorListener) {
  // A connection that cannot be had within 10 s fails the request instead of queueing it forever.
  // The same limit covers waiting for a free pooled connection, so it must outlast a burst of
  // contended writes (300 registrations at once queue for seconds); a stopped server is noticed
  // sooner, by the refused connection, not by this timeout.
  const connectionTimeoutMillis = Number(process.env.PG_CONNECT_TIMEOUT_MS ?? 10_000);
  const pool = new pg.Pool({ connectionString, max: Number(process.env.PG_POOL_MAX ?? 10), connectionTimeoutMillis });
  // An idle connection closed by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => {
    console.error(`[db] idle connection lost: ${error.message}`);
    onError?.(error);
  });
  return pool;
}

export function createDatabase(pool: pg.Pool, onError?: DatabaseErrorListener): DB {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: onError ? (event) => void (event.level === "error" && onError(event.error)) : undefined,
  });
}
