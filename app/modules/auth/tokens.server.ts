import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { AuthTokenTable } from "../../../db/schema";
import type { Executor } from "~/utils/db.server";

type Purpose = AuthTokenTable["purpose"];

const LIFETIME_MINUTES: Record<Purpose, number> = { verify_email: 60 * 48, reset_password: 60 };

function hashToken(token: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Issues a single-use token; only its hash is stored. Earlier unused tokens of the purpose lapse. */
export async function issueToken(executor: Executor, userId: string, purpose: Purpose): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const token = encodeBase32LowerCaseNoPadding(bytes);
  await executor.deleteFrom("auth_token").where("user_id", "=", userId).where("purpose", "=", purpose).where("used_at", "is", null).execute();
  await executor
    .insertInto("auth_token")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose,
      expires_at: new Date(Date.now() + LIFETIME_MINUTES[purpose] * 60_000),
    })
    .execute();
  return token;
}

/** Marks a token used and returns its user id, or null when it is unknown, used or expired. */
export async function consumeToken(executor: Executor, token: string, purpose: Purpose): Promise<string | null> {
  const row = await executor
    .updateTable("auth_token")
    .set({ used_at: new Date() })
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id ?? null;
}
