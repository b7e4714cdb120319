/**
 * A member's own data: all of it as one JSON document, and the erasure of the account
 * (docs/decisions/0022). Erasing keeps the app_user row (posts and comments point at it and show
 * "deleted member"), blanks what identifies the person, and keeps dialogue registrations for
 * statistics with nothing personal left in them.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { getDb } from "~/utils/db.server";

/** Everything Agora holds about the member, as they would take it elsewhere. Only ever for the member. */
export async function exportAccountData(userId: string) {
  const db = getDb();
  const [account, profile, memberFollows, countryFollows, notifications, registrations, enrollments, lessons, quizzes, certificates, posts, comments, reactions] =
    await Promise.all([
      db
        .selectFrom("app_user")
        .select(["id", "email", "email_verified_at", "display_name", "organization_name", "organization_kind", "country_code", "role", "preferred_locale", "created_at", "updated_at"])
        .where("id", "=", userId)
        .executeTakeFirstOrThrow(),
      db.selectFrom("hub_profile").selectAll().where("user_id", "=", userId).executeTakeFirst(),
      db.selectFrom("hub_follow").select(["target_type", "target_key", "created_at"]).where("user_id", "=", userId).orderBy("created_at").execute(),
      db.selectFrom("country_follow").select(["party_code", "created_at"]).where("user_id", "=", userId).orderBy("created_at").execute(),
      db.selectFrom("notification").select(["id", "kind", "payload", "created_at", "sent_at", "read_at"]).where("user_id", "=", userId).orderBy("id").execute(),
      db
        .selectFrom("dialogue_registration as r")
        .innerJoin("dialogue as d", "d.id", "r.dialogue_id")
        .select([
          "r.dialogue_id",
          "d.title as dialogue_title",
          "r.mode",
          "r.status",
          "r.organization_name",
          "r.organization_kind",
          "r.country_code",
          "r.statement",
          "r.accessibility_needs",
          "r.list_publicly",
          "r.locale",
          "r.check_in_code",
          "r.attended_at",
          "r.decision_reason",
          "r.created_at",
        ])
        .where("r.user_id", "=", userId)
        .orderBy("r.created_at")
        .execute(),
      db.selectFrom("course_enrollment").selectAll().where("user_id", "=", userId).execute(),
      db.selectFrom("lesson_progress").selectAll().where("user_id", "=", userId).execute(),
      db.selectFrom("quiz_attempt").selectAll().where("user_id", "=", userId).orderBy("id").execute(),
      db.selectFrom("certificate").selectAll().where("user_id", "=", userId).execute(),
      db
        .selectFrom("hub_post")
        .select(["id", "kind", "title", "body", "locale", "instruments", "articles", "clusters", "countries", "tags", "event_starts_at", "event_ends_at", "event_place", "resource_url", "status", "created_at", "updated_at"])
        .where("author_id", "=", userId)
        .orderBy("id")
        .execute(),
      db.selectFrom("hub_comment").select(["id", "post_id", "body", "status", "created_at", "updated_at"]).where("author_id", "=", userId).orderBy("id").execute(),
      db.selectFrom("hub_reaction").select(["target_type", "target_id", "created_at"]).where("user_id", "=", userId).execute(),
    ]);
  return {
    exportedAt: new Date().toISOString(),
    account,
    hubProfile: profile ?? null,
    follows: { members: memberFollows.filter((row) => row.target_type === "member"), tags: memberFollows.filter((row) => row.target_type === "tag"), dialogues: memberFollows.filter((row) => row.target_type === "dialogue"), countries: countryFollows },
    notifications,
    dialogueRegistrations: registrations,
    learning: { enrollments, lessons, quizAttempts: quizzes, certificates },
    hub: { posts, comments, reactions },
  };
}

/** A hash no password matches: argon2 verification of it fails, so the account cannot sign in. */
const UNUSABLE_PASSWORD = "!erased";
const ERASED_TEXT = "—";

/**
 * Erases the account after checking the password, in one transaction: personal fields blanked,
 * sessions, tokens, profile, follows, notifications and certificates (they show the holder's
 * name in public) deleted, registrations anonymized. Posts and comments stay. Audit-logged.
 */
export async function eraseAccount(userId: string, password: string): Promise<"erased" | "wrongPassword"> {
  const user = await getDb().selectFrom("app_user").select(["password_hash"]).where("id", "=", userId).where("deleted_at", "is", null).executeTakeFirst();
  if (!user || !(await verifyPassword(user.password_hash, password))) return "wrongPassword";
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const now = new Date();
      await trx
        .updateTable("app_user")
        .set({
          deleted_at: now,
          // `.invalid` can never be delivered (RFC 2606); the id keeps it unique.
          email: `erased-${userId}@erased.invalid`,
          email_verified_at: null,
          display_name: ERASED_TEXT,
          organization_name: ERASED_TEXT,
          country_code: null,
          password_hash: UNUSABLE_PASSWORD,
          updated_at: now,
        })
        .where("id", "=", userId)
        .execute();
      await trx
        .updateTable("dialogue_registration")
        .set({ user_id: null, organization_name: ERASED_TEXT, statement: "", accessibility_needs: "", decision_reason: "", list_publicly: false, updated_at: now })
        .where("user_id", "=", userId)
        .execute();
      for (const table of ["user_session", "auth_token", "hub_profile", "hub_follow", "country_follow", "notification", "certificate", "dialogue_facilitator", "hub_digest"] as const) {
        await trx.deleteFrom(table).where("user_id", "=", userId).execute();
      }
      // Others who followed the member stop following an account that no longer exists.
      await trx.deleteFrom("hub_follow").where("target_type", "=", "member").where("target_key", "=", userId).execute();
      await recordAudit(trx, { actorId: userId, action: "account.erase", entityType: "app_user", entityId: userId });
    });
  return "erased";
}
