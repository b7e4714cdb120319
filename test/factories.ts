import { randomUUID } from "node:crypto";
import { TestClient } from "./http-client";

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

export const DEFAULT_PASSWORD = "correct horse battery";

/** Signs a new member up through the real form; returns the signed-in client and the email. */
export async function signUpMember(overrides: Record<string, string> = {}, client = new TestClient()) {
  const email = overrides.email ?? uniqueEmail();
  const response = await client.post("/sign-up", {
    email,
    password: DEFAULT_PASSWORD,
    displayName: "Test Member",
    organizationName: "Test NGO",
    organizationKind: "ngo",
    country: "KEN",
    ...overrides,
  });
  if (response.status !== 302) throw new Error(`Sign-up failed with ${response.status}: ${response.text.slice(0, 300)}`);
  return { client, email };
}

/** Signs in as one of the demo accounts seeded for the run. */
export async function signInAs(email: string, password: string, client = new TestClient()) {
  const response = await client.post("/sign-in", { email, password });
  if (response.status !== 302) throw new Error(`Sign-in failed with ${response.status}`);
  return client;
}

export const DEMO = {
  secretariat: { email: "secretariat@agora.test", password: "agora-secretariat-2026" },
  facilitator: { email: "facilitator@agora.test", password: "agora-facilitator-2026" },
  member: { email: "member@agora.test", password: "agora-member-2026" },
} as const;

/** A new account made a facilitator (the secretariat's tool for that is a CLI); returns the signed-in client and its id. */
export async function signUpFacilitator() {
  const { getDb } = await import("./db");
  const { client, email } = await signUpMember({ organizationKind: "government", organizationName: "Test chair" });
  const user = await getDb().updateTable("app_user").set({ role: "facilitator" }).where("email", "=", email).returning("id").executeTakeFirstOrThrow();
  return { client, email, userId: user.id };
}

/**
 * A dialogue written straight to the database (test/dialogues.ts), with an agenda of three of the
 * paper's topics and the given facilitators: for tests of observations, not of how one is made.
 */
export async function createDialogue(options: { state?: "draft" | "open" | "closed" | "held" | "summary_published"; year?: number; illustrative?: boolean; facilitatorIds?: string[]; title?: string } = {}) {
  const { getDb } = await import("./db");
  const { createTestDialogue } = await import("./dialogues");
  const suffix = randomUUID().slice(0, 8);
  const year = options.year ?? 2030;
  const dialogueId = await createTestDialogue({
    title: JSON.stringify({ en: options.title ?? `Test dialogue ${suffix}`, fr: `Dialogue d'essai ${suffix}` }),
    session_code: `test-${suffix}`,
    starts_at: new Date(`${year}-06-10T08:00:00Z`),
    ends_at: new Date(`${year}-06-10T11:00:00Z`),
    state: options.state ?? "open",
    illustrative: options.illustrative ?? false,
  });
  const topic = (code: string, position: number, en: string, fr: string) => ({ dialogue_id: dialogueId, code, position, title: JSON.stringify({ en, fr }) });
  await getDb()
    .insertInto("dialogue_topic")
    .values([
      topic("saq-good-practice", 1, "Good practice in completing the self-assessment questionnaire", "Bonnes pratiques pour remplir le questionnaire"),
      topic("multilingualism", 2, "Multilingualism in the review process", "Multilinguisme"),
      topic("stakeholders-in-saq", 3, "Engaging non-governmental stakeholders", "Associer les parties prenantes"),
    ])
    .execute();
  if (options.facilitatorIds?.length) await getDb().insertInto("dialogue_facilitator").values(options.facilitatorIds.map((userId) => ({ dialogue_id: dialogueId, user_id: userId }))).execute();
  return dialogueId;
}
