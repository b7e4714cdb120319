/**
 * Listening and stopping, shared by `npm start`, `npm run dev` and scripts/server.ts. On SIGTERM
 * or SIGINT: readiness fails at once (/readyz answers 503), after SHUTDOWN_DRAIN_SECONDS (default
 * 0; give the load balancer its health-check interval) the server stops accepting connections,
 * requests in flight are finished (up to SHUTDOWN_GRACE_SECONDS, default 10), then the job queue
 * and the database pool are closed and the process exits 0.
 */
import type { Server } from "node:http";
import type express from "express";
import { getLogger } from "~/utils/log.server";

type Entry = { shutdownApp?: () => Promise<void>; markShuttingDown?: () => void };

export function serve(app: express.Express, options: { port: number; host?: string; getEntry: () => unknown; afterClose?: () => Promise<void>; onListening?: () => void }): Server {
  const logger = getLogger();
  const server = options.host ? app.listen(options.port, options.host, onListening) : app.listen(options.port, onListening);
  function onListening() {
    logger.info({ port: options.port }, `Agora listening on http://localhost:${options.port}`);
    options.onListening?.();
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const entry = options.getEntry() as Entry;
    entry.markShuttingDown?.();
    app.set("agora shutting down", true);
    logger.info({ signal }, "shutting down: finishing the requests in flight");
    const drainMs = Number(process.env.SHUTDOWN_DRAIN_SECONDS ?? 0) * 1000;
    if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => {
      logger.warn("shutdown grace period over: closing the remaining connections");
      server.closeAllConnections();
    }, Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 10) * 1000);
    await closed;
    clearInterval(idle);
    clearTimeout(force);
    await entry.shutdownApp?.().catch((error: unknown) => logger.error({ err: error }, "shutdown of the app failed"));
    await options.afterClose?.().catch(() => {});
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  return server;
}
