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
