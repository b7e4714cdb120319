import { spawn, type ChildProcess } from "node:child_process";
import { getFreePort } from "./services";

/**
 * Starts the built app (scripts/server.ts) in a child process on a free port with extra environment,
 * and waits until it answers /healthz. Used by the test setup, tests that isolate a dependency, and
 * benchmarks. Stop it when done.
 */
export async function startAppServer(env: Record<string, string>, options: { onStdout?: (line: string) => void; nodeArgs?: string[] } = {}) {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "scripts/server.ts"], {
    // Links in e-mails point at this process unless the caller says otherwise (production requires PUBLIC_URL).
    env: { ...process.env, PUBLIC_URL: url, TRUST_PROXY: "loopback", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", options.onStdout ? "pipe" : "ignore", "inherit"],
  });
  if (options.onStdout && child.stdout) {
    let buffered = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) options.onStdout!(line);
    });
  }
  // Generous: on a loaded 2-core machine a cold start (build import, pools, job queue) can take tens of seconds.
  const deadline = Date.now() + 60_000;
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
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

