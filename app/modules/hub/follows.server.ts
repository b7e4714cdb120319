/**
 * Following members, tags, dialogues and countries. Countries keep their own table
 * (country_follow, through the reviews module) so review-stage notifications work as before.
 */
import type { FollowTarget } from "../../../db/schema/hub";
import { followCountry, unfollowCountry } from "~/modules/reviews/follows.server";
import { getDb, type Executor } from "~/utils/db.server";
import { isLocale } from "~/utils/i18n";
import { pickLocalized } from "~/utils/format";
import type { FollowForm } from "./members.schema.server";
import { notify, type NotificationPayloads } from "./notify.server";
import { visibleSql, type Viewer } from "./visibility.server";

/** Follows or unfollows; "notFound" when the target does not exist for this member. */
export async function setFollow(viewer: NonNullable<Viewer>, form: FollowForm): Promise<"ok" | "notFound"> {
  const follow = form.follow === "1";
  if (form.targetType === "country") {
    if (!follow) await unfollowCountry(viewer.id, form.targetKey);
    else if (!(await followCountry(viewer.id, form.targetKey))) return "notFound";
    return "ok";
  }
  const db = getDb();
  if (!follow) {
    await db.deleteFrom("hub_follow").where("user_id", "=", viewer.id).where("target_type", "=", form.targetType).where("target_key", "=", form.targetKey).execute();
    return "ok";
  }
  if (form.targetType === "member") {
    if (form.targetKey === viewer.id) return "notFound";
    const member = await db
      .selectFrom("app_user as u")
      .leftJoin("hub_profile as p", "p.user_id", "u.id")
      .select("u.id")
      .where("u.id", "=", form.targetKey)
      .where("u.deleted_at", "is", null)
      .where("u.suspended_at", "is", null)
      .where(visibleSql(viewer, "profile"))
      .executeTakeFirst();
    if (!member) return "notFound";
  }
  if (form.targetType === "dialogue") {
    const dialogue = await db.selectFrom("dialogue").select("id").where("id", "=", Number(form.targetKey)).where("state", "!=", "draft").executeTakeFirst();
    if (!dialogue) return "notFound";
  }
  await db
    .insertInto("hub_follow")
    .values({ user_id: viewer.id, target_type: form.targetType, target_key: form.targetKey })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  return "ok";
}

/** Whether the member follows this member, tag or dialogue. */
export async function isFollowing(userId: string, targetType: FollowTarget, targetKey: string) {
  const row = await getDb()
    .selectFrom("hub_follow")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("target_type", "=", targetType)
    .where("target_key", "=", targetKey)
    .executeTakeFirst();
  return Boolean(row);
}

export function isFollowingDialogue(userId: string, dialogueId: number) {
  return isFollowing(userId, "dialogue", String(dialogueId));
}

/**
 * Tells a dialogue's followers what changed, each with the title in their own language. Call it
 * inside the transaction that makes the change.
 */
export async function notifyDialogueFollowers(trx: Executor, dialogueId: number, change: NotificationPayloads["dialogue.updated"]["change"]) {
  const [dialogue, followers] = await Promise.all([
    trx.selectFrom("dialogue").select("title").where("id", "=", dialogueId).executeTakeFirst(),
    trx
      .selectFrom("hub_follow as f")
      .innerJoin("app_user as u", "u.id", "f.user_id")
      .select(["f.user_id", "u.preferred_locale"])
      .where("f.target_type", "=", "dialogue")
      .where("f.target_key", "=", String(dialogueId))
      .where("u.deleted_at", "is", null)
      .execute(),
  ]);
  if (!dialogue) return 0;
  return notify(
    trx,
    followers.map((row) => ({
      userId: row.user_id,
      kind: "dialogue.updated" as const,
      payload: { dialogueId, title: pickLocalized(dialogue.title, isLocale(row.preferred_locale) ? row.preferred_locale : "en"), change },
    })),
  );
}
