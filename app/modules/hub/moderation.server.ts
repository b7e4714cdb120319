/**
 * The secretariat's moderation of the hub: the queue (open reports grouped by what they report,
 * posts held for review, hidden content, suspended members) and its actions. Every action is
 * one transaction with its audit entry; hiding and restoring also rewrite the search document
 * and tell the author why.
 */
import { sql } from "kysely";
import { recordAudit } from "~/modules/audit/audit.server";
import { signOutEverywhere } from "~/modules/auth/session.server";
import { getDb, type Executor } from "~/utils/db.server";
import { formatDay } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { authorNameSql, toAuthorRef } from "./authors.server";
import { notify } from "./notify.server";
import { queueSearchSync, writePostDocument } from "./post-documents.server";
import { publishEffects } from "./posts.server";
import { getHoldFirstPosts } from "./settings.server";

type Target = { type: "post" | "comment"; id: number };
export type ModerationRefusal = "notFound" | "wrongState" | "notSuspendable";
type Outcome = { ok: true } | { ok: false; reason: ModerationRefusal };

type ReportGroupRow = {
  target_type: "post" | "comment";
  target_id: number;
  report_count: number;
  reasons: string[];
  details: string[] | null;
  latest: Date;
  post_id: number | null;
  title: string | null;
  excerpt: string | null;
  status: string | null;
  author_id: string | null;
  author_name: string | null;
};

export async function getModerationView(locale: Locale) {
  const db = getDb();
  const [groups, held, hidden, suspended, holdFirstPosts] = await Promise.all([
    sql<ReportGroupRow>`
      with open_reports as (
        select target_type, target_id, count(*)::int as report_count, array_agg(distinct reason) as reasons,
          array_agg(details order by created_at) filter (where details <> '') as details, max(created_at) as latest
        from hub_report where resolved_at is null group by target_type, target_id)
      select o.*, coalesce(p.id, cp.id) as post_id, coalesce(p.title, cp.title) as title,
        left(coalesce(p.body, c.body), 400) as excerpt, coalesce(p.status, c.status) as status,
        coalesce(p.author_id, c.author_id) as author_id,
        case when u.id is null or u.deleted_at is not null then null else coalesce(hp.pseudonym, u.display_name) end as author_name
      from open_reports o
      left join hub_post p on o.target_type = 'post' and p.id = o.target_id
      left join hub_comment c on o.target_type = 'comment' and c.id = o.target_id
      left join hub_post cp on cp.id = c.post_id
      left join app_user u on u.id = coalesce(p.author_id, c.author_id)
      left join hub_profile hp on hp.user_id = u.id
      order by o.report_count desc, o.latest desc
      limit 200`.execute(db),
    db
      .selectFrom("hub_post as p")
      .leftJoin("app_user as u", "u.id", "p.author_id")
      .leftJoin("hub_profile as hp", "hp.user_id", "p.author_id")
      .select(["p.id", "p.title", "p.kind", "p.author_id", "p.created_at", sql<string>`left(p.body, 400)`.as("excerpt"), authorNameSql("u", "hp").as("author_name")])
      .where("p.status", "=", "held")
      .orderBy("p.created_at")
      .limit(200)
      .execute(),
    sql<{ target_type: "post" | "comment"; target_id: number; post_id: number; title: string; reason: string; moderated_at: Date | null }>`
      (select 'post' as target_type, id as target_id, id as post_id, title, moderation_reason as reason, moderated_at from hub_post where status = 'hidden')
      union all
      (select 'comment', c.id, c.post_id, p.title, c.moderation_reason, c.moderated_at from hub_comment c join hub_post p on p.id = c.post_id where c.status = 'hidden')
      order by moderated_at desc nulls last limit 100`.execute(db),
    db.selectFrom("app_user").select(["id", "display_name", "suspension_reason", "suspended_at"]).where("suspended_at", "is not", null).orderBy("suspended_at", "desc").limit(200).execute(),
    getHoldFirstPosts(db),
  ]);
  return {
    holdFirstPosts,
    reports: groups.rows.map((row) => ({
      targetType: row.target_type,
      targetId: row.target_id,
      postId: row.post_id,
      title: row.title ?? "",
      excerpt: row.excerpt ?? "",
      status: row.status ?? "deleted",
      author: toAuthorRef(row),
      reportCount: row.report_count,
      reasons: row.reasons,
      details: (row.details ?? []).slice(0, 5),
      latest: formatDay(row.latest, locale),
    })),
    held: held.map((row) => ({ id: row.id, title: row.title, kind: row.kind, excerpt: row.excerpt, author: toAuthorRef(row), createdOn: formatDay(row.created_at, locale) })),
    hidden: hidden.rows.map((row) => ({ targetType: row.target_type, targetId: row.target_id, postId: row.post_id, title: row.title, reason: row.reason })),
    suspended: suspended.map((row) => ({ id: row.id, name: row.display_name, reason: row.suspension_reason, since: row.suspended_at ? formatDay(row.suspended_at, locale) : "" })),
  };
}
export type ModerationView = Awaited<ReturnType<typeof getModerationView>>;

async function resolveReports(trx: Executor, target: Target, actorId: string, resolution: "hidden" | "restored" | "dismissed") {
  const resolved = await trx
    .updateTable("hub_report")
    .set({ resolved_at: new Date(), resolved_by: actorId, resolution })
    .where("target_type", "=", target.type)
    .where("target_id", "=", target.id)
    .where("resolved_at", "is", null)
    .returning("id")
    .execute();
  return resolved.length;
}

/**
 * Hides a published (or held) post or comment, or restores a hidden one, with a reason the author
 * reads in their notification. Open reports on it are resolved.
 */
export async function moderateContent(actorId: string, action: "hide" | "restore", target: Target, reason: string): Promise<Outcome> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx): Promise<Outcome> => {
      const table = target.type === "post" ? "hub_post" : "hub_comment";
      const row =
        target.type === "post"
          ? await trx.selectFrom("hub_post").select(["id", "status", "author_id", "id as post_id", "title"]).where("id", "=", target.id).forUpdate().executeTakeFirst()
          : await trx
              .selectFrom("hub_comment as c")
              .innerJoin("hub_post as p", "p.id", "c.post_id")
              .select(["c.id", "c.status", "c.author_id", "c.post_id", "p.title"])
              .where("c.id", "=", target.id)
              .forUpdate()
              .executeTakeFirst();
      if (!row) return { ok: false, reason: "notFound" };
      const allowed = action === "hide" ? ["published", "held"] : ["hidden"];
      if (!allowed.includes(row.status)) return { ok: false, reason: "wrongState" };
      await trx
        .updateTable(table)
        .set({ status: action === "hide" ? "hidden" : "published", moderation_reason: reason, moderated_by: actorId, moderated_at: new Date(), updated_at: new Date() })
        .where("id", "=", target.id)
        .execute();
      const resolved = await resolveReports(trx, target, actorId, action === "hide" ? "hidden" : "restored");
      await writePostDocument(trx, row.post_id);
      const author = row.author_id ? await trx.selectFrom("app_user").select("id").where("id", "=", row.author_id).where("deleted_at", "is", null).executeTakeFirst() : undefined;
      if (author) {
        await notify(trx, [
          { userId: author.id, kind: "hub.moderated", payload: { targetType: target.type, targetId: target.id, postId: row.post_id, title: row.title, action: action === "hide" ? "hidden" : "restored", reason } },
        ]);
      }
      await recordAudit(trx, { actorId, action: `hub.${action}`, entityType: table, entityId: String(target.id), details: { reason, from: row.status, reportsResolved: resolved } });
      return { ok: true };
    });
  if (outcome.ok) await queueSearchSync();
  return outcome;
}

/** Closes the open reports on something without acting on it. */
export async function dismissReports(actorId: string, target: Target): Promise<Outcome> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Outcome> => {
      const resolved = await resolveReports(trx, target, actorId, "dismissed");
      if (resolved === 0) return { ok: false, reason: "notFound" };
      await recordAudit(trx, { actorId, action: "hub.dismiss_reports", entityType: target.type === "post" ? "hub_post" : "hub_comment", entityId: String(target.id), details: { reportsResolved: resolved } });
      return { ok: true };
    });
}

/** Publishes a held post: from now on it is in the feed and the search, and its followers hear of it. */
export async function approvePost(actorId: string, postId: number): Promise<Outcome> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx): Promise<Outcome> => {
      const post = await trx.selectFrom("hub_post").select(["id", "status"]).where("id", "=", postId).forUpdate().executeTakeFirst();
      if (!post) return { ok: false, reason: "notFound" };
      if (post.status !== "held") return { ok: false, reason: "wrongState" };
      await trx.updateTable("hub_post").set({ status: "published", moderated_by: actorId, moderated_at: new Date(), last_activity_at: new Date() }).where("id", "=", postId).execute();
      await publishEffects(trx, postId);
      await recordAudit(trx, { actorId, action: "hub.approve", entityType: "hub_post", entityId: String(postId) });
      return { ok: true };
    });
  if (outcome.ok) await queueSearchSync();
  return outcome;
}

/**
 * Suspends a member (not the secretariat): they cannot sign in or post, and every session they
 * have is ended at once. Unsuspending lets them sign in again.
 */
export async function setSuspension(actorId: string, userId: string, suspend: { reason: string } | null): Promise<Outcome> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx): Promise<Outcome> => {
      const user = await trx.selectFrom("app_user").select(["id", "role", "suspended_at", "deleted_at"]).where("id", "=", userId).forUpdate().executeTakeFirst();
      if (!user || user.deleted_at) return { ok: false, reason: "notFound" };
      if (suspend && (user.role === "secretariat" || user.id === actorId)) return { ok: false, reason: "notSuspendable" };
      if ((user.suspended_at !== null) === (suspend !== null)) return { ok: false, reason: "wrongState" };
      await trx
        .updateTable("app_user")
        .set(suspend ? { suspended_at: new Date(), suspension_reason: suspend.reason, updated_at: new Date() } : { suspended_at: null, suspension_reason: "", updated_at: new Date() })
        .where("id", "=", userId)
        .execute();
      await recordAudit(trx, { actorId, action: suspend ? "hub.suspend" : "hub.unsuspend", entityType: "app_user", entityId: userId, details: suspend ? { reason: suspend.reason } : {} });
      return { ok: true };
    });
  if (outcome.ok && suspend) await signOutEverywhere(userId);
  return outcome;
}
