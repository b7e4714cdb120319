import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getFreePort } from "./services";

/**
 * Starts the built app (scripts/server.ts) in a child process on a free port with extra environment,
 * and waits until it answers /healthz. Used by the test setup, tests that isolate a dependency, and
 * benchmarks. Stop it when done.
 */
export async function startAppServer(env: Record<string, string>) {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/server.ts"], {
    // Links in e-mails point at this process unless the caller says otherwise (production requires PUBLIC_URL).
    env: { ...process.env, PUBLIC_URL: url, TRUST_PROXY: "loopback", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("app did not start");
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

