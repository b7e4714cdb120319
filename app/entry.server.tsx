import { Transform } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { warmUpCompiler } from "~/modules/courses/compile-mdx.server";
import { startBackgroundWork, stopBackgroundWork } from "~/modules/jobs/jobs.server";
import { closeDb } from "~/utils/db.server";
import { getLogger } from "~/utils/log.server";
import { rememberLanguage } from "~/utils/locale.server";

export const streamTimeout = 5_000;

// The web process starts the job workers itself unless JOBS=off (production runs `npm run worker`).
startBackgroundWork().catch((error) => console.error("Background work did not start:", error));
// Lessons not yet in the compile cache then cost ~100 ms on their first view, not ~600 ms.
setTimeout(() => void warmUpCompiler(), 500).unref();

// For the HTTP server (scripts/server.ts), which reaches the app through this module.
export { isDatabaseDown, markShuttingDown } from "~/utils/availability.server";

/** Errors of loaders, actions and rendering, logged with the request's id (aborted requests are not errors). */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  getLogger().error({ err: error, reqId: context.requestId, method: request.method, path: new URL(request.url).pathname }, "request failed");
}

/** Called by the HTTP server on SIGTERM/SIGINT. */
export async function shutdownApp() {
  await stopBackgroundWork();
  await closeDb();
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  // Remember the language of every page read, so only a first visit is negotiated.
  const languageCookie = await rememberLanguage(request);
  if (languageCookie) responseHeaders.append("Set-Cookie", languageCookie);
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const waitFor = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitFor]() {
          shellRendered = true;
          const body = withoutZeroPadding();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * React 18.3's stream writer flushes its whole 2,048-byte buffer when the next character does
 * not fit in what is left of it, so a multi-byte character (Cyrillic, Arabic, Chinese…) that
 * falls on a buffer boundary is preceded by one or two zero bytes in the HTML (React 19 fixed it).
 * HTML never carries a NUL of its own (text is escaped, and the parser would drop it), so the
 * zero bytes are removed on the way out.
 */
function withoutZeroPadding() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      done(null, kept.subarray(0, length));
    },
  });
}
