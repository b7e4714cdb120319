/**
 * One-click unsubscribe links for digest e-mails (docs/decisions/0023): a token
 * `<user id>.<expiry in epoch seconds>.<HMAC-SHA256>` signed with a key kept in the database
 * (app_secret, made on first use), so every instance and worker agrees on it without setup.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getDb } from "~/utils/db.server";
import { UnsubscribeForm } from "./members.schema.server";

const SECRET_NAME = "digest_unsubscribe_key";
/** A link in an old digest keeps working for a while; long enough to find it in the archive. */
export const UNSUBSCRIBE_TOKEN_DAYS = 120;

let cachedKey: Promise<Buffer> | undefined;

async function loadKey(): Promise<Buffer> {
  const db = getDb();
  // Two instances racing on first use: one insert wins, both read the winner.
  await db.insertInto("app_secret").values({ name: SECRET_NAME, value: randomBytes(32).toString("base64url") }).onConflict((conflict) => conflict.doNothing()).execute();
  const row = await db.selectFrom("app_secret").select("value").where("name", "=", SECRET_NAME).executeTakeFirstOrThrow();
  return Buffer.from(row.value, "base64url");
}

function getKey() {
  cachedKey ??= loadKey().catch((error: unknown) => {
    cachedKey = undefined;
    throw error;
  });
  return cachedKey;
}

const sign = (key: Buffer, body: string) => createHmac("sha256", key).update(`unsubscribe:${body}`).digest("base64url");

export async function createUnsubscribeToken(userId: string, expiresAt = new Date(Date.now() + UNSUBSCRIBE_TOKEN_DAYS * 86_400_000)) {
  const body = `${userId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${sign(await getKey(), body)}`;
}

export type TokenCheck = { ok: true; userId: string } | { ok: false; reason: "invalid" | "expired" };

/** Checks a token's signature first, then its expiry: a forged token never reads as "expired". */
export async function verifyUnsubscribeToken(token: string, now = new Date()): Promise<TokenCheck> {
  const match = /^([a-z0-9]{1,64})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "invalid" };
  const [, userId, expiry, signature] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(sign(await getKey(), `${userId}.${expiry}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  if (Number(expiry) * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, userId };
}

/** Stops the member's digests (the profile row is made if missing). False for an erased account. */
export async function unsubscribeFromDigests(userId: string): Promise<boolean> {
  const user = await getDb().selectFrom("app_user").select("id").where("id", "=", userId).where("deleted_at", "is", null).executeTakeFirst();
  if (!user) return false;
  await getDb()
    .insertInto("hub_profile")
    .values({ user_id: userId, digest_frequency: "never" })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ digest_frequency: "never", updated_at: new Date() }))
    .execute();
  return true;
}

/** The unsubscribe page's token, from the link or the form, checked; a missing or malformed one is invalid. */
export async function checkUnsubscribeToken(token: string | null | undefined): Promise<TokenCheck> {
  const parsed = UnsubscribeForm.safeParse({ token: token ?? "" });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return verifyUnsubscribeToken(parsed.data.token);
}

/** The unsubscribe button: checks the token and stops the digests; what the page says next. */
export async function unsubscribeWithToken(token: string | null | undefined): Promise<"done" | "invalid" | "expired"> {
  const result = await checkUnsubscribeToken(token);
  if (!result.ok) return result.reason;
  return (await unsubscribeFromDigests(result.userId)) ? "done" : "invalid";
}
