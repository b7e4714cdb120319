import type { Transaction } from "kysely";
import type pg from "pg";
import { createDatabase, createPool, type DB } from "../../db/database";
import type { Database } from "../../db/schema";
import { noteDatabaseError } from "./availability.server";
import { getEnv } from "./env.server";

export type { DB };
/** The database or an open transaction: module functions take one so writes can compose. */
export type Executor = DB | Transaction<Database>;

type DatabaseSingleton = { pool: pg.Pool; db: DB };

// On globalThis so that dev rebuilds reuse one pool instead of opening a new one each time.
const holder = globalThis as typeof globalThis & { __agoraDatabase?: DatabaseSingleton };

function getSingleton(): DatabaseSingleton {
  if (!holder.__agoraDatabase) {
    const pool = createPool(getEnv().DATABASE_URL, noteDatabaseError);
    holder.__agoraDatabase = { pool, db: createDatabase(pool, noteDatabaseError) };
  }
  return holder.__agoraDatabase;
}

export function getDb(): DB {
  return getSingleton().db;
}

export function getPool(): pg.Pool {
  return getSingleton().pool;
}

export async function closeDb() {
  const singleton = holder.__agoraDatabase;
  holder.__agoraDatabase = undefined;
  await singleton?.db.destroy();
}
