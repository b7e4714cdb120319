// First: the edited Remix modules must be in place before Remix loads (as in scripts/server.ts).
import "./remix-internals";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO, signInAs } from "../../test/factories";

let handle: (request: Request) => Promise<Response>;
let sessionCookie: string;

beforeAll(async () => {
  process.env.JOBS = "off";
  const { createRequestHandler } = await import("@remix-run/node");
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request, { nonce: "test", ip: "127.0.0.1", requestId: "remix-internals-test", i18nNamespaces: ["common", "courses"] });
  const client = await signInAs(DEMO.member.email, DEMO.member.password);
  sessionCookie = `agora_session=${client.cookie("agora_session")}; agora_lng=ImVuIg%3D%3D`;
});

const originalQuery = pg.Client.prototype.query;
afterEach(() => {
  pg.Client.prototype.query = originalQuery;
});

/** The SQL this process sends while `run` runs. */
async function queriesDuring(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    sent.push(typeof config === "string" ? config : (config?.text ?? ""));
    return (originalQuery as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
  await run();
  return sent;
}

describe("a signed-in page", () => {
  it("checks the session once, though the root loader and the page's loader both ask", async () => {
    const sent = await queriesDuring(async () => {
      const response = await handle(new Request("http://localhost/courses", { headers: { cookie: sessionCookie } }));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Sign out");
    });
    expect(sent.filter((sql) => sql.includes("user_session"))).toHaveLength(1);
  });

  it("builds its route objects once, not on every render", async () => {
    const routesModule = createRequire(import.meta.url)("@remix-run/react/dist/routes.js") as { createServerRoutes: (...args: unknown[]) => unknown };
    const original = routesModule.createServerRoutes;
    let builds = 0;
    routesModule.createServerRoutes = (...args) => {
      builds++;
      return original(...args);
    };
    try {
      for (const page of ["/courses", "/reviews", "/courses"]) expect((await handle(new Request(`http://localhost${page}`, { headers: { cookie: sessionCookie } }))).status).toBe(200);
    } finally {
      routesModule.createServerRoutes = original;
    }
    expect(builds).toBe(0); // the first test's render built them
  });

  it("encodes the loader data for hydration only on a page that hydrates", async () => {
    const singleFetch = createRequire(import.meta.url)("@remix-run/server-runtime/dist/single-fetch.js") as { encodeViaTurboStream: (...args: unknown[]) => unknown };
    const original = singleFetch.encodeViaTurboStream;
    const encoded: string[] = [];
    singleFetch.encodeViaTurboStream = (...args) => {
      encoded.push(currentPage);
      return original(...args);
    };
    let currentPage = "";
    const bodies = new Map<string, string>();
    try {
      for (const page of ["/courses", "/account"]) {
        currentPage = page;
        const response = await handle(new Request(`http://localhost${page}`, { headers: { cookie: sessionCookie } }));
        expect(response.status).toBe(200);
        bodies.set(page, await response.text());
      }
    } finally {
      singleFetch.encodeViaTurboStream = original;
    }
    expect(encoded).toEqual(["/account"]); // /courses declares hydrate: false
    expect(bodies.get("/account")).toContain("window.__remixContext.streamController.enqueue(");
    expect(bodies.get("/courses")).not.toContain("__remixContext");
  });
});
