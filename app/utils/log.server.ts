import pino from "pino";

/**
 * Structured logs: one JSON object per line on stdout (LOG_LEVEL, default info; `silent` turns
 * them off). Requests carry `reqId`, the X-Request-Id the server gives every response.
 */
const holder = globalThis as typeof globalThis & { __agoraLogger?: pino.Logger };

export function getLogger(): pino.Logger {
  holder.__agoraLogger ??= pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
  return holder.__agoraLogger;
}
