/**
 * Route × role matrix, generated from the files in app/routes (the table is test/route-matrix.ts):
 * every loader and action as a visitor, a member, a facilitator and the secretariat, with the
 * status each must get; every action refuses a foreign Origin.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertStaffUser } from "../app/modules/auth/accounts.server";
import { getDb } from "./db";
import { DEMO, signInAs } from "./factories";
import { TestClient } from "./http-client";
import { ROLES, ROUTE_MATRIX, statusFor, type Fixtures, type Role, type RouteCase } from "./route-matrix";

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = readdirSync(ROUTES_DIR).filter((name) => /\.tsx?$/.test(name)).sort();

function exportsOf(file: string) {
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const exported = (name: string) =>
    new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let)\\s+${name}\\b`).test(source) || new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source);
  return { loader: exported("loader"), action: exported("action") };
}

/** A signed-in client for each role (a visitor has none). */
async function clientFor(role: Role): Promise<TestClient> {
  switch (role) {
    case "visitor":
      return new TestClient();
    case "member":
      return signInAs(DEMO.member.email, DEMO.member.password);
    case "facilitator":
      return signInAs(DEMO.facilitator.email, DEMO.facilitator.password);
    case "otherFacilitator":
      return signInAs(OTHER_FACILITATOR.email, OTHER_FACILITATOR.password);
    case "secretariat":
      return signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
  }
}

const PROBE = { intent: "matrix-probe" };
const OTHER_FACILITATOR = { email: "other.facilitator@agora.test", password: "other-facilitator-2026" };
let fixtures: Fixtures;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  const holders = [DEMO.member.email, DEMO.facilitator.email];
  const certificate = await getDb()
    .selectFrom("certificate")
    .innerJoin("app_user", "app_user.id", "certificate.user_id")
    .select("certificate.code")
    .where("app_user.email", "not in", holders)
    .orderBy("certificate.code")
    .executeTakeFirstOrThrow();
  const resource = await getDb().selectFrom("resource").select("slug").orderBy("slug").executeTakeFirstOrThrow();
  const dialogue = (code: string) => getDb().selectFrom("dialogue").select("id").where("session_code", "=", code).executeTakeFirstOrThrow();
  const [upcoming, held, other] = await Promise.all([dialogue("wg-2027"), dialogue("wg-2023"), dialogue("wg-2022")]);
  const draft = await getDb().selectFrom("dialogue_observation").select("id").where("dialogue_id", "=", upcoming.id).where("status", "=", "draft").orderBy("id").executeTakeFirstOrThrow();
  const hubEvent = await getDb()
    .selectFrom("hub_post")
    .select("id")
    .where("illustrative", "=", true)
    .where("kind", "=", "event")
    .where("status", "=", "published")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  fixtures = { certificateCode: certificate.code, resourceSlug: resource.slug, upcomingDialogueId: upcoming.id, draftObservationId: draft.id, heldDialogueId: held.id, hubEventPostId: hubEvent.id };
  // A facilitator of another dialogue (2022's), to check that facilitating one dialogue opens no other.
  const otherId = await upsertStaffUser({ ...OTHER_FACILITATOR, displayName: "Other Facilitator", role: "facilitator", organizationName: "Another dialogue", organizationKind: "igo", country: "AUT", preferredLocale: "en" });
  await getDb().insertInto("dialogue_facilitator").values({ dialogue_id: other.id, user_id: otherId }).onConflict((conflict) => conflict.doNothing()).execute();
  for (const role of ROLES) clients.set(role, await clientFor(role));
});

describe("the route matrix covers app/routes", () => {
  it("has one entry per route file, and a POST case exactly where the file exports an action", () => {
    expect(Object.keys(ROUTE_MATRIX).sort(), "route files without an entry in test/route-matrix.ts, or entries without a file").toEqual(routeFiles);
    for (const file of routeFiles) {
      expect(ROUTE_MATRIX[file]!.post !== undefined, `${file}: post case vs exported action`).toBe(exportsOf(file).action);
    }
  });
});

const resolvePath = (entry: RouteCase) => (typeof entry.path === "function" ? entry.path(fixtures) : entry.path);

describe.each(routeFiles.filter((file) => ROUTE_MATRIX[file]))("%s", (file) => {
  const entry = ROUTE_MATRIX[file]!;

  it(`answers GET ${exportsOf(file).loader ? "(loader)" : "(page)"} with each role's status`, async () => {
    const seen: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const role of ROLES) {
      seen[role] = (await clients.get(role)!.get(resolvePath(entry))).status;
      expected[role] = statusFor(entry.get, role);
    }
    expect(seen).toEqual(expected);
  });

  if (entry.post) {
    const post = entry.post;
    it("answers POST (action) with each role's status", async () => {
      const seen: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of ROLES) {
        const client = entry.postEndsSession && role !== "visitor" ? await clientFor(role) : clients.get(role)!;
        seen[role] = (await client.post(resolvePath(entry), PROBE)).status;
        expected[role] = statusFor(post, role);
      }
      expect(seen).toEqual(expected);
    });

    it("refuses a POST from a foreign Origin, signed in or not", async () => {
      for (const role of ["visitor", "secretariat"] as const) {
        const response = await clients.get(role)!.post(resolvePath(entry), PROBE, { headers: { Origin: "http://evil.example" } });
        expect(response.status, role).toBe(entry.crossOriginStatus ?? 403);
        const noOrigin = await clients.get(role)!.request(resolvePath(entry), {
          method: "POST",
          body: new URLSearchParams(PROBE),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        });
        expect(noOrigin.status, `${role} without Origin`).toBe(entry.crossOriginStatus ?? 403);
      }
    });
  }
});
