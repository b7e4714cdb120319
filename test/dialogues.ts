/** Test data for constructive dialogues, written straight to the real database. */
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { DialogueTable } from "../db/schema";
import { getDb } from "./db";

/** A public dialogue open for registration, starting in ten days, with `overrides` applied. */
export async function createTestDialogue(overrides: Partial<Insertable<DialogueTable>> = {}) {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  const { id } = await getDb()
    .insertInto("dialogue")
    .values({
      title: JSON.stringify({ en: `Test dialogue ${randomUUID().slice(0, 6)}`, fr: "Dialogue de test" }),
      description: JSON.stringify({ en: "A dialogue made by a test." }),
      session_code: "wg-test",
      session_title: JSON.stringify({ en: "Test session" }),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 3 * 3_600_000),
      time_zone: "Europe/Vienna",
      format: "hybrid",
      venue: "Test venue",
      online_url: "https://meet.example.org/test",
      capacity_in_person: 2,
      capacity_online: 1,
      state: "open",
      ...overrides,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Members created directly (no password hashing): for tests that need many accounts at once. */
export async function createTestMembers(count: number, prefix = "crowd") {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${randomUUID().replace(/-/g, "").slice(0, 12)}${index}`,
    email: `${prefix}-${index}-${randomUUID().slice(0, 6)}@example.org`,
    password_hash: "not-a-hash",
    display_name: `${prefix} member ${index}`,
    organization_name: `${prefix} organization ${index}`,
    organization_kind: "ngo" as const,
    country_code: "KEN",
  }));
  for (let start = 0; start < rows.length; start += 500) await getDb().insertInto("app_user").values(rows.slice(start, start + 500)).execute();
  return rows;
}

/** The newest e-mail to an address (the outbox is where mail ends in tests). */
export async function lastMailTo(address: string) {
  return getDb().selectFrom("mail_outbox").selectAll().where("to_address", "=", address).orderBy("id", "desc").executeTakeFirst();
}
