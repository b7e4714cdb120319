/**
 * `npm run dev`: embedded PostgreSQL and Meilisearch (unless DATABASE_URL / MEILI_URL are set),
 * migrations, demo data on first run, `remix watch` rebuilding on change, and the app on :3000.
 * Ctrl-C stops everything it started.
 */
// Before anything loads Remix: our edits to its internals (decisions 0031, 0038).
import "./lib/remix-internals";
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { bootServices } from "./lib/boot";
import { checkServerConfigOrExit } from "./lib/config";

process.env.NODE_ENV = "development";
checkServerConfigOrExit();
const startedAt = Date.now();
const { stop } = await bootServices();

const { getDb } = await import("~/utils/db.server");
const userCount = await getDb().selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
if (userCount.n === 0) {
  const { seedDemoData } = await import("../db/seed/index");
  const { DEMO_ACCOUNTS } = await import("../db/seed/accounts");
  console.log("Loading demo data…");
  await seedDemoData(console.log);
  console.log("\nDemo accounts (email / password / role):");
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(28)} ${account.password.padEnd(24)} ${account.role}`);
  console.log("");
} else {
  // Course files may have changed since the last run: refresh their search documents.
  const { prepareSearchAtStart } = await import("~/modules/search/content-documents.server");
  const { syncSearchOutbox } = await import("~/modules/search/index.server");
  await prepareSearchAtStart();
  await syncSearchOutbox().catch(() => {});
}

// remix watch writes build/index.js; wait for a build newer than this start before serving.
const buildFile = path.resolve("build/index.js");
const watcher = spawn(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "watch"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: process.env,
});
while (!existsSync(buildFile) || statSync(buildFile).mtimeMs < startedAt) {
  if (watcher.exitCode !== null) throw new Error("remix watch exited before the first build");
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const { createApp } = await import("./server");
const { app, getBuild } = await createApp();
const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => {
  console.log(`\nAgora is running on http://localhost:${port}  (database: ${process.env.DATABASE_URL?.replace(/:[^:@/]+@/, ":***@")}, search: ${process.env.MEILI_URL ?? "PostgreSQL fallback"})`);
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  watcher.kill("SIGTERM");
  server.close();
  const entry = getBuild().entry.module as { shutdownApp?: () => Promise<void> };
  await entry.shutdownApp?.().catch(() => {});
  await stop();
  process.exit(0);
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
