/**
 * The HTTP server: Express in front of the Remix request handler. It owns what must hold for
 * every response, documents and resource routes alike: security headers with a per-request CSP
 * nonce, the Origin check on every mutation, compression and static files.
 */
// First of all: Remix must load with our edits to its internals (decisions 0031, 0038).
import "./lib/remix-internals";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { SESSION_COOKIE } from "../app/utils/cookies";
import { splitLocalePath } from "../app/utils/i18n";
import compression from "compression";
import express from "express";
import onHeaders from "on-headers";
import type { AppLoadContext } from "@remix-run/node";
import { checkServerConfigOrExit, parseTrustProxy } from "./lib/config";
import { createPageCache } from "./lib/page-cache";
import { namespacesOfPage } from "./lib/page-namespaces";
import { serve } from "./lib/serve";
import { getLogger } from "~/utils/log.server";

installGlobals({ nativeFetch: true });

const BUILD_PATH = path.resolve("build/index.js");
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The largest request body each kind of address accepts, checked on Content-Length before anything
 * reads the body: forms are small; the secretariat's upload pages take files (library: 20 MB,
 * review import: three files of 2 MB).
 */
export const BODY_LIMITS = { form: 256 * 1024, upload: 24 * 1024 * 1024 };
const UPLOAD_PATH = /^(?:\/[a-z]{2})?\/admin\/(?:library|reviews\/import)(?:\/|$)/;

export function bodyLimitFor(pathname: string) {
  return UPLOAD_PATH.test(pathname) ? BODY_LIMITS.upload : BODY_LIMITS.form;
}

async function importBuild(): Promise<ServerBuild> {
  // The query string defeats the ESM cache so a dev rebuild is picked up.
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

function contentSecurityPolicy(nonce: string, dev: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws://localhost:* ws://127.0.0.1:*" : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The one-click unsubscribe address of digest e-mails, in any language: exempt from the Origin check. */
export function isOneClickUnsubscribe(pathname: string) {
  return /^\/hub\/unsubscribe\/?$/.test(splitLocalePath(pathname).path);
}

/** A mutation must come from our own origin: Origin (or, failing that, Referer) must match Host. */
export function isSameOrigin(req: express.Request, publicUrl?: string): boolean {
  const source = req.get("origin") ?? req.get("referer");
  if (!source || source === "null") return false;
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return false;
  }
  if (sourceHost === req.get("host")) return true;
  return publicUrl ? sourceHost === new URL(publicUrl).host : false;
}

const unavailableText = new Map<string, { title: string; body: string }>();

/** The 503 page, in the language of the address, without the database or React. */
function sendUnavailable(req: express.Request, res: express.Response) {
  const { locale } = splitLocalePath(req.path);
  if (!unavailableText.has(locale)) {
    const errors = (JSON.parse(readFileSync(path.resolve(`app/locales/${locale}/common.json`), "utf8")) as { errors: Record<string, string> }).errors;
    unavailableText.set(locale, { title: errors.unavailableTitle!, body: errors.unavailableBody! });
  }
  const { title, body } = unavailableText.get(locale)!;
  const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  res
    .status(503)
    .set({ "Retry-After": "5", "Cache-Control": "no-store" })
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Agora</title></head>` +
        `<body><main><p>503</p><h1>${escape(title)}</h1><p>${escape(body)}</p></main></body></html>`,
    );
}

export async function createApp() {
  const dev = process.env.NODE_ENV === "development";
  const app = express();
  app.disable("x-powered-by");
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  const logger = getLogger();

  // Every response carries a request id (a proxy's X-Request-Id when it sent a sane one), and
  // every request is logged once it is answered: method, path (never the query, which may hold
  // a token), status, time.
  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (app.get("agora shutting down")) res.setHeader("Connection", "close");
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ reqId: requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  });
  // Anonymous renders of public pages, reused for a few seconds (see page-cache.ts): a hit is
  // answered before any other middleware; a miss is recorded after them.
  const pageCache = process.env.PAGE_CACHE_SECONDS === "0" ? null : createPageCache({ ttlMs: Number(process.env.PAGE_CACHE_SECONDS ?? 5) * 1000, maxBytes: 64 * 1024 * 1024 });
  if (pageCache) app.use(pageCache.serveHits);
  app.use(compression());

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, dev));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (process.env.NODE_ENV === "production") res.setHeader("Strict-Transport-Security", "max-age=31536000");
    next();
  });

  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isSameOrigin(req, process.env.PUBLIC_URL)) return next();
    // RFC 8058: a mail client posts the one-click unsubscribe itself, with no Origin. The signed
    // token in the address is the permission, and the only effect is to stop digests: no
    // forged request can do more than that (docs/decisions/0023).
    // Remix refuses a cross-origin action itself (with a bare 500), so the foreign Origin is dropped here.
    if (req.method === "POST" && isOneClickUnsubscribe(req.path)) {
      delete req.headers.origin;
      return next();
    }
    res.status(403).type("text/plain").send("Forbidden: cross-origin request refused.");
  });

  // No body is read before its size is known and allowed: an unauthenticated action (sign-in,
  // before its rate limit) would otherwise buffer whatever it is sent.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const length = req.get("content-length");
    if (length === undefined) {
      if (req.get("transfer-encoding") === undefined) return next();
      res.set("Connection", "close").status(411).type("text/plain").send("Length required: send the request body with a Content-Length.");
      return;
    }
    if (!/^\d+$/.test(length) || Number(length) > bodyLimitFor(req.path)) {
      res.set("Connection", "close").status(413).type("text/plain").send("Payload too large.");
      return;
    }
    // An action may answer before reading its whole body (a multipart form it refuses half-way,
    // after which the body stream is cancelled and the socket destroyed): such a connection is
    // not offered for reuse, or the client's next request on it would be reset.
    onHeaders(res, () => {
      if (!req.complete) res.setHeader("Connection", "close");
    });
    next();
  });

  // Remix's pre-single-fetch data endpoint: our build answers data at `.data` URLs instead.
  app.use((req, res, next) => {
    if (req.query._data === undefined) return next();
    res.status(400).type("text/plain").send("Bad request: ?_data is not supported.");
  });

  if (pageCache) app.use(pageCache.storeMisses);

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only addresses under public/'s own entries reach the file server: for every other request it
  // would look for a file first (a failed `stat` per page view, ~0.4 ms in a signed-in profile).
  const publicEntries = new Set(readdirSync("public").filter((name) => name !== "build"));
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (publicEntries.has(req.path.split("/", 2)[1] ?? "") ? publicFiles(req, res, next) : next()));

  // What is answered to a signed-in person, or signs someone in, is theirs alone: no browser,
  // proxy or back button keeps it (static files above are the same for everyone).
  app.use((req, res, next) => {
    const signedIn = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=[^;]`).test(req.get("cookie") ?? "");
    onHeaders(res, function () {
      const setCookie = [res.getHeader("set-cookie") ?? []].flat().map(String);
      if (signedIn || setCookie.some((line) => line.startsWith(`${SESSION_COOKIE}=`))) res.setHeader("Cache-Control", "private, no-store");
    });
    next();
  });

  let build = await importBuild();
  const entry = () => build.entry.module as { isDatabaseDown?: () => boolean };

  // While PostgreSQL is unreachable, fail fast: a 503 page in the reader's language at once,
  // instead of requests queueing on the pool; requests that were already waiting when it went
  // away and fail get a 503 too. /healthz still answers (the process is alive).
  app.use((req, res, next) => {
    if (req.path !== "/healthz" && entry().isDatabaseDown?.()) return sendUnavailable(req, res);
    onHeaders(res, () => {
      if (res.statusCode >= 500 && entry().isDatabaseDown?.()) {
        res.statusCode = 503;
        res.setHeader("Retry-After", "5");
      }
    });
    next();
  });

  app.all(
    "*",
    createRequestHandler({
      build: async () => build,
      mode: build.mode,
      getLoadContext: (req, res): AppLoadContext => ({
        nonce: res.locals.nonce as string,
        ip: req.ip ?? "unknown",
        requestId: res.locals.requestId as string,
        i18nNamespaces: namespacesOfPage(build, req.path),
      }),
    }),
  );

  if (dev) {
    // In dev, `remix watch` rewrites the build; pick up each new one without a restart.
    const { watchFile } = await import("node:fs");
    watchFile(BUILD_PATH, { interval: 300 }, async () => {
      try {
        build = await importBuild();
        console.log("Rebuilt: serving the new build.");
      } catch (error) {
        // Keep serving the last good build; the next save retries.
        console.error("The new build failed to load:", error);
      }
    });
  }
  return { app, getBuild: () => build };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  checkServerConfigOrExit();
  const { app, getBuild } = await createApp();
  serve(app, { port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? "0.0.0.0", getEntry: () => getBuild().entry.module });
}
