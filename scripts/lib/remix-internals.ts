/**
 * The edits to Remix's own modules, installed before anything loads Remix: import this first in
 * every entry point that serves the app (server.ts, start.ts, dev.ts).
 */
import "./route-matching";
import "./loader-requests";
