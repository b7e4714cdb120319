import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache } from "./page-cache";

// The cache in front of a stand-in for Remix whose renders are counted and held open until the
// test releases them: concurrency is decided by the test, not by timing.
async function startCachedApp(options: { ttlMs: number; status?: () => number }) {
  const pageCache = createPageCache({ ttlMs: options.ttlMs, maxBytes: 1024 * 1024 });
  let renders = 0;
  let arrivals = 0;
  let release: () => void = () => {};
  let gate = Promise.resolve();
  const app = express();
  app.use((_req, _res, next) => {
    arrivals++;
    next();
  });
  app.use(pageCache.serveHits);
  app.use(pageCache.storeMisses);
  app.post("*", (_req, res) => void res.status(204).end());
  app.get("*", async (_req, res) => {
    const render = ++renders;
    await gate;
    res.status(options.status?.() ?? 200).type("html").send(`<!DOCTYPE html><p>render ${render}</p>`);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stats: pageCache.stats,
    renders: () => renders,
    arrivals: () => arrivals,
    /** Holds every render from now on until `open()`. */
    hold() {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
    open: () => release(),
    close: () => new Promise((resolve) => server.close(resolve)),
    get: (path: string) => fetch(`${url}${path}`, { headers: { cookie: "agora_lng=ImVuIg%3D%3D" } }),
  };
}

/** Sends `count` requests at once, releases the held render once the server has received them all. */
async function concurrently(app: Awaited<ReturnType<typeof startCachedApp>>, count: number, path: string) {
  const before = app.arrivals();
  const responses = Array.from({ length: count }, () => app.get(path));
  while (app.arrivals() < before + count) await new Promise((resolve) => setTimeout(resolve, 5));
  app.open();
  return Promise.all(
    responses.map(async (pending) => {
      const response = await pending;
      return { cache: response.headers.get("x-page-cache"), text: await response.text() };
    }),
  );
}

let app: Awaited<ReturnType<typeof startCachedApp>> | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("page cache under concurrent misses", () => {
  it("renders a missing page once for 32 concurrent requests, which all get that render", async () => {
    app = await startCachedApp({ ttlMs: 60_000 });
    app.hold();
    const results = await concurrently(app, 32, "/library?q=one");
    expect(app.renders()).toBe(1);
    expect(results.filter((result) => result.cache === "miss")).toHaveLength(1);
    expect(results.filter((result) => result.cache === "shared")).toHaveLength(31);
    expect(new Set(results.map((result) => result.text))).toEqual(new Set(["<!DOCTYPE html><p>render 1</p>"]));
  });

  it("refreshes an expired page with one render, serving the previous copy meanwhile", async () => {
    // A TTL long enough that the refreshed copy is still fresh when it is asked for again, even
    // on a loaded machine (30 ms was not).
    app = await startCachedApp({ ttlMs: 1_000 });
    await app.get("/reviews");
    expect(app.renders()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    app.hold();
    const results = await concurrently(app, 24, "/reviews");
    expect(app.renders()).toBe(2);
    expect(results.filter((result) => result.cache === "stale")).toHaveLength(23);
    expect(results.find((result) => result.cache === "miss")?.text).toContain("render 2");
    expect((await app.get("/reviews")).headers.get("x-page-cache")).toBe("hit");
  });

  it("lets waiting requests render for themselves when the one render cannot be stored", async () => {
    let status = 404;
    app = await startCachedApp({ ttlMs: 60_000, status: () => status });
    app.hold();
    const results = await concurrently(app, 8, "/courses/missing");
    expect(results.every((result) => result.cache === "miss")).toBe(true);
    expect(app.renders()).toBe(8);
    status = 200;
    app.open();
    await app.get("/courses/missing");
    expect((await app.get("/courses/missing")).headers.get("x-page-cache")).toBe("hit");
  });

  it("does not store a render that a mutation overtook", async () => {
    app = await startCachedApp({ ttlMs: 60_000 });
    app.hold();
    const pending = app.get("/library");
    while (app.renders() < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await fetch(`${app.url}/forgot-password`, { method: "POST" })).status).toBe(204);
    app.open();
    expect((await pending).headers.get("x-page-cache")).toBe("miss");
    expect((await app.get("/library")).headers.get("x-page-cache")).toBe("miss");
    expect(app.renders()).toBe(2);
  });
});
