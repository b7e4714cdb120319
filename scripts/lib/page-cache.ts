/**
 * A short-lived cache of anonymous page renders, in front of Remix. Server-rendering a page costs
 * 15–40 ms of CPU; anonymous visitors reading the same public page (the review dashboard, a
 * library search, a first lesson) get the stored render instead.
 *
 * What is cached: GET responses with status 200 to visitors without a session, on public areas
 * only, for a few seconds. What else the response depends on is in the key: whether the visitor's
 * language cookie already names the page's language (if not, the response sets it), and, for a
 * first visit to an English address, the Accept-Language header the language was negotiated from.
 * A response may carry no cookie other than the language one. A stored page is served byte for
 * byte (gzipped once), so its inline scripts are allowed by their SHA-256 hashes in the CSP
 * instead of the original response's nonce. Any mutation through this process clears the cache.
 *
 * One render per key at a time (decision 0032): the request that finds a key missing or expired
 * renders it; requests for the same key meanwhile get the expired copy if there is one
 * (stale-while-revalidate, for at most `staleMs` after expiry) or wait for that render and get
 * its result. Only when the render turns out not to be storable (not a 200, another cookie) do
 * the waiting requests render for themselves. So an expiry under load costs one render, not one
 * per waiting connection.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";
import { LOCALE_COOKIE, readCookie, SESSION_COOKIE } from "../../app/utils/cookies";
import { DEFAULT_LOCALE, LOCALES } from "../../app/utils/i18n";
import { getLanguageVisit } from "../../app/utils/locale.server";

/**
 * A stored response: its headers as sent the first time (CSP made hash-based), its body plain and
 * gzipped, and until when it is fresh (after that it is only served while its refresh renders).
 */
type Entry = { headers: Record<string, string | string[]>; body: Buffer; gzipped: Buffer; freshUntil: number };

/** How the cache answered a request (the X-Page-Cache header and the counters). */
type Outcome = "hit" | "stale" | "shared";

/** Headers that belong to one transmission, not to the page. */
const TRANSMISSION_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "etag", "date", "connection", "keep-alive", "vary", "x-page-cache"]);

const PREFIXES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join("|");
// What every visitor sees alike: the dialogues and the hub show visitors only what is public (their
// members-only parts depend on the session, and signed-in requests never reach the cache).
const PUBLIC_AREAS = new RegExp(`^(\\/(${PREFIXES}))?(\\/|\\/(courses|library|search|articles|reviews|countries|dialogues|hub|about)(\\/.*)?)$`);
// Print and PDF renders are per request; an unsubscribe page depends on the token in its address.
const PRIVATE_SEGMENTS = /\/(print|pdf|unsubscribe)(\/|$|\.)/;
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The response's CSP with its nonce source replaced by the hashes of the page's inline scripts. */
export function hashBasedPolicy(policy: string, html: string) {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map((match) => `'sha256-${createHash("sha256").update(match[1]!).digest("base64")}'`);
  return policy.replace(/'nonce-[^']+'/, [...new Set(hashes)].join(" "));
}

export function createPageCache(options: { ttlMs: number; maxBytes: number; staleMs?: number }) {
  const staleMs = options.staleMs ?? 30_000;
  const cache = new LRUCache<string, Entry>({
    maxSize: options.maxBytes,
    sizeCalculation: (entry) => entry.body.length + entry.gzipped.length + 2_000,
    // Kept past freshness only to be served while one request renders its replacement.
    ttl: options.ttlMs + staleMs,
  });
  /** The render in progress for each key: resolves with what it stored, or null if it stored nothing. */
  const renders = new Map<string, Promise<Entry | null>>();
  /** What the cache did, for tests and the benchmark: `renders` counts misses passed on to Remix. */
  const stats = { renders: 0, hits: 0, stale: 0, shared: 0 };
  /** Counts the mutations that emptied the cache. */
  let generation = 0;

  /** The key a request's response is stored under, or null when it must not be cached. */
  async function cacheKey(req: Request): Promise<string | null> {
    if (req.method !== "GET") return null;
    const path = req.path.replace(/\.data$/, "");
    if (!PUBLIC_AREAS.test(path) || PRIVATE_SEGMENTS.test(path)) return null;
    const cookies = req.get("cookie");
    if (readCookie(cookies, SESSION_COOKIE)) return null;
    // The cases the root loader and entry.server distinguish, decided by the same function.
    const { visit } = await getLanguageVisit(path, cookies);
    if (visit === "remembered") return `${req.originalUrl} remembered`;
    if (visit === "first") return `${req.originalUrl} negotiated:${req.get("accept-language") ?? ""}`;
    return `${req.originalUrl} switched`;
  }

  /** The response's Set-Cookie values when they only set the language cookie; null otherwise. */
  function languageCookiesOnly(res: Response): string[] | null {
    const header = res.getHeader("set-cookie");
    const values = header === undefined ? [] : [header].flat().map(String);
    return values.every((value) => value.startsWith(`${LOCALE_COOKIE}=`)) ? values : null;
  }

  function send(req: Request, res: Response, entry: Entry, outcome: Outcome) {
    stats[outcome === "hit" ? "hits" : outcome]++;
    const gzip = Boolean(req.acceptsEncodings("gzip"));
    const body = gzip ? entry.gzipped : entry.body;
    res.writeHead(200, {
      ...entry.headers,
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      "Content-Length": String(body.length),
      Vary: "Accept-Encoding, Accept-Language, Cookie",
      "X-Page-Cache": outcome,
    });
    res.end(body);
  }

  /** Passes the request on to be rendered; if `settle` is given, this render is the one others wait for. */
  function render(res: Response, next: NextFunction, key: string, settle?: (entry: Entry | null) => void) {
    stats.renders++;
    res.locals.pageCacheKey = key;
    if (settle) {
      res.locals.pageCacheSettle = settle;
      // Whatever ends the response (stored, not storable, answered elsewhere, aborted) releases the waiters.
      res.once("close", () => settle(null));
    }
    next();
  }

  /**
   * Two middlewares: `serveHits` goes first of all (a hit costs no other middleware), and
   * `storeMisses` goes after compression and the security headers, so it sees the plain body and
   * the headers every response gets.
   */
  function serveHits(req: Request, res: Response, next: NextFunction) {
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS") {
      cache.clear();
      generation++;
      // Renders under way started before this mutation: later requests must not wait for them.
      renders.clear();
      return next();
    }
    cacheKey(req).then((key) => serveOrRender(req, res, next, key), next);
  }

  function serveOrRender(req: Request, res: Response, next: NextFunction, key: string | null) {
    if (key === null) return next();
    const entry = cache.get(key);
    if (entry && entry.freshUntil > Date.now()) return send(req, res, entry, "hit");
    const pending = renders.get(key);
    if (pending) {
      if (entry) return send(req, res, entry, "stale");
      void pending.then((rendered) => (rendered ? send(req, res, rendered, "shared") : render(res, next, key)));
      return;
    }
    let settle!: (entry: Entry | null) => void;
    const promise = new Promise<Entry | null>((resolve) => {
      settle = (rendered) => {
        if (renders.get(key) === promise) renders.delete(key);
        resolve(rendered);
      };
    });
    renders.set(key, promise);
    render(res, next, key, settle);
  }

  function storeMisses(req: Request, res: Response, next: NextFunction) {
    const key = res.locals.pageCacheKey as string | undefined;
    if (key === undefined) return next();
    const settle = res.locals.pageCacheSettle as ((entry: Entry | null) => void) | undefined;
    // A render that began before a mutation may show what the mutation changed: not stored.
    const startedIn = generation;
    res.set("X-Page-Cache", "miss");
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.from(chunk as Uint8Array));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk as Uint8Array));
      const type = String(res.getHeader("content-type") ?? "");
      if (res.statusCode === 200 && languageCookiesOnly(res) && /^(text\/html|text\/x-script)/.test(type)) {
        const body = Buffer.concat(chunks);
        const headers: Entry["headers"] = {};
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (value !== undefined && !TRANSMISSION_HEADERS.has(name)) headers[name] = typeof value === "number" ? String(value) : value;
        }
        const policy = headers["content-security-policy"];
        if (typeof policy === "string" && type.startsWith("text/html")) headers["content-security-policy"] = hashBasedPolicy(policy, body.toString("utf8"));
        const entry: Entry = { headers, body, gzipped: gzipSync(body), freshUntil: Date.now() + options.ttlMs };
        if (startedIn === generation) cache.set(key, entry);
        settle?.(entry);
      } else {
        settle?.(null);
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  }

  return { serveHits, storeMisses, stats };
}
