import { getDb } from "~/utils/db.server";

/** Follows a party's review; following twice is harmless. Returns false for an unknown party. */
export async function followCountry(userId: string, partyCode: string) {
  const party = await getDb().selectFrom("party").select("code").where("code", "=", partyCode).executeTakeFirst();
  if (!party) return false;
  await getDb().insertInto("country_follow").values({ user_id: userId, party_code: partyCode }).onConflict((conflict) => conflict.doNothing()).execute();
  return true;
}

export async function unfollowCountry(userId: string, partyCode: string) {
  await getDb().deleteFrom("country_follow").where("user_id", "=", userId).where("party_code", "=", partyCode).execute();
}
