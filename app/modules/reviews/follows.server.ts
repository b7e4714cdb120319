import type { Locale } from "~/utils/i18n";
import { getDb } from "~/utils/db.server";
import { partyName } from "./queries.server";

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

/** The follow button of a country page: follows (`follow`) or stops following a party. False for an unknown party. */
export async function setCountryFollow(userId: string, partyCode: string, follow: boolean) {
  if (follow) return followCountry(userId, partyCode);
  await unfollowCountry(userId, partyCode);
  return true;
}

/**
 * What a member follows, for their account page: each party with its name in `locale`, sorted
 * for that language, and the name of the party they just stopped following (`unfollowed`), if any.
 */
export async function getFollowingView(userId: string, locale: Locale, unfollowed: string | null) {
  const db = getDb();
  const [rows, stopped] = await Promise.all([
    db
      .selectFrom("country_follow as f")
      .innerJoin("party as p", "p.code", "f.party_code")
      .select(["p.code", "p.name", "p.names"])
      .where("f.user_id", "=", userId)
      .execute(),
    unfollowed ? db.selectFrom("party").select(["code", "name", "names"]).where("code", "=", unfollowed).executeTakeFirst() : undefined,
  ]);
  const collator = new Intl.Collator(locale);
  return {
    countries: rows.map((row) => ({ code: row.code, name: partyName({ code: row.code, name: row.name, names: row.names ?? {} }, locale) })).sort((a, b) => collator.compare(a.name, b.name)),
    unfollowed: stopped ? partyName({ code: stopped.code, name: stopped.name, names: stopped.names ?? {} }, locale) : null,
  };
}
