import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { namespacesOfPage } from "./page-namespaces";

let build: ServerBuild;

beforeAll(async () => {
  process.env.JOBS = "off";
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
});

describe("the namespaces of a page", () => {
  it("are common and what the matched routes declare, in their order", () => {
    expect(namespacesOfPage(build, "/")).toEqual(["common"]);
    expect(namespacesOfPage(build, "/courses/review-mechanism/01-what-is-the-review-mechanism")).toEqual(["common", "courses"]);
    expect(namespacesOfPage(build, "/ar/reviews/list")).toEqual(["common", "reviews", "library", "dialogues"]);
    expect(namespacesOfPage(build, "/fr/admin/hub")).toEqual(["common", "admin", "moderation", "hub"]);
    expect(namespacesOfPage(build, "/hub/members/abc")).toEqual(["common", "members"]);
    expect(namespacesOfPage(build, "/hub/posts/3")).toEqual(["common", "hub", "members"]);
  });

  it("are the same for Remix's data address of a page (client navigation)", () => {
    expect(namespacesOfPage(build, "/courses.data")).toEqual(["common", "courses"]);
    expect(namespacesOfPage(build, "/zh/about.data")).toEqual(["common", "about"]);
    expect(namespacesOfPage(build, "/_root.data")).toEqual(["common"]);
    expect(namespacesOfPage(build, "/ar.data")).toEqual(["common"]);
  });

  it("are common alone where no page route declares any", () => {
    expect(namespacesOfPage(build, "/no/such/page")).toEqual(["common"]);
    expect(namespacesOfPage(build, "/status")).toEqual(["common"]);
    expect(namespacesOfPage(build, "/library.json")).toEqual(["common"]);
  });
});
