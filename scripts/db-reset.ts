import { sql } from "kysely";
import { runScript } from "./lib/boot";

// Drops every table (ours and the job queue's), then migrates and seeds afresh.
await runScript(
  async () => {
    const { getDb } = await import("~/utils/db.server");
    const { migrateToLatest } = await import("../db/migrate");
    const { seedDemoData } = await import("../db/seed/index");
    await sql`drop schema if exists public cascade; drop schema if exists pgboss cascade; create schema public;`.execute(getDb());
    await migrateToLatest(getDb());
    await seedDemoData(console.log);
    console.log("Database reset.");
  },
  { migrate: false },
);
