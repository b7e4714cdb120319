/**
 * The hub's run-time settings, changed by the secretariat on the moderation page. One for now:
 * how many of a new member's first posts wait for the secretariat's approval (0: none).
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { getDb, type Executor } from "~/utils/db.server";

export const HOLD_FIRST_POSTS = "hold_first_posts";

export async function getHoldFirstPosts(executor: Executor = getDb()): Promise<number> {
  const row = await executor.selectFrom("hub_setting").select("value").where("key", "=", HOLD_FIRST_POSTS).executeTakeFirst();
  const value = Number(row?.value ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export async function setHoldFirstPosts(actorId: string, count: number, executor?: Executor) {
  const write = async (trx: Executor) => {
    const before = await getHoldFirstPosts(trx);
    await trx
      .insertInto("hub_setting")
      .values({ key: HOLD_FIRST_POSTS, value: JSON.stringify(count), updated_by: actorId })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(count), updated_by: actorId, updated_at: new Date() }))
      .execute();
    await recordAudit(trx, { actorId, action: "hub.setting", entityType: "hub_setting", entityId: HOLD_FIRST_POSTS, details: { before, after: count } });
  };
  if (executor) return write(executor);
  return getDb().transaction().execute(write);
}
