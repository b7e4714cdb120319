/**
 * What members do in the hub: write, edit and delete posts, comment, mark things useful, accept
 * an answer, report. Each write is one transaction that also rewrites the post's search document
 * and writes the notifications it causes; the search sync is queued after commit.
 */
import { sql } from "kysely";
import type { SessionUser } from "~/modules/auth/session.server";
import { getDb, type Executor } from "~/utils/db.server";
import { memberNameSql } from "./authors.server";
import { notify, notifyFollowersOfPost, type NewNotification } from "./notify.server";
import { queueSearchSync, writePostDocument } from "./post-documents.server";
import type { PostInput } from "./posts.schema.server";
import { getHoldFirstPosts } from "./settings.server";

export type Refusal = "suspended" | "notFound" | "forbidden" | "notQuestion";
type Outcome<T> = { ok: true; value: T } | { ok: false; reason: Refusal };

const isStaff = (user: SessionUser) => user.role === "secretariat";

async function isSuspended(trx: Executor, userId: string) {
  const row = await trx.selectFrom("app_user").select(["suspended_at", "deleted_at"]).where("id", "=", userId).executeTakeFirst();
  return !row || row.suspended_at !== null || row.deleted_at !== null;
}

function postColumns(input: PostInput) {
  return {
    kind: input.kind,
    title: input.title,
    body: input.body,
    locale: input.locale,
    instruments: input.instruments,
    articles: input.articles,
    clusters: input.clusters,
    countries: input.countries,
    tags: input.tags,
    event_starts_at: input.event?.startsAt ?? null,
    event_ends_at: input.event?.endsAt ?? null,
    event_time_zone: input.event?.timeZone ?? null,
    event_place: input.event?.place ?? null,
    resource_url: input.resourceUrl,
  };
}

/**
 * Publishes a post, or holds it for review while its author has fewer approved posts than the
 * secretariat's setting asks (the secretariat's own posts are never held).
 */
export async function createPost(user: SessionUser, input: PostInput, options: { illustrative?: boolean } = {}): Promise<Outcome<{ id: number; held: boolean }>> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      if (await isSuspended(trx, user.id)) return { ok: false as const, reason: "suspended" as const };
      const hold = isStaff(user) ? 0 : await getHoldFirstPosts(trx);
      let held = false;
      if (hold > 0) {
        const approved = await trx.selectFrom("hub_post").select(sql<number>`count(*)::int`.as("n")).where("author_id", "=", user.id).where("status", "in", ["published", "hidden"]).executeTakeFirstOrThrow();
        held = approved.n < hold;
      }
      const post = await trx
        .insertInto("hub_post")
        .values({ ...postColumns(input), author_id: user.id, status: held ? "held" : "published", illustrative: options.illustrative ?? false })
        .returning(["id"])
        .executeTakeFirstOrThrow();
      if (!held) await publishEffects(trx, post.id);
      return { ok: true as const, value: { id: post.id, held } };
    });
  if (outcome.ok && !outcome.value.held) await queueSearchSync();
  return outcome;
}

/** What publishing a post causes: its search document and its followers' notifications. */
export async function publishEffects(trx: Executor, postId: number) {
  const post = await trx.selectFrom("hub_post").selectAll().where("id", "=", postId).executeTakeFirstOrThrow();
  await writePostDocument(trx, postId);
  await notifyFollowersOfPost(trx, { id: post.id, authorId: post.author_id, title: post.title, kind: post.kind, countries: post.countries, instruments: post.instruments, articles: post.articles, clusters: post.clusters, tags: post.tags });
}

/** The post as its editor may change it: the author, or the secretariat; never a deleted post. */
async function editablePost(trx: Executor, postId: number, user: SessionUser) {
  const post = await trx.selectFrom("hub_post").select(["id", "author_id", "status", "kind"]).where("id", "=", postId).forUpdate().executeTakeFirst();
  if (!post || post.status === "deleted") return { ok: false as const, reason: "notFound" as const };
  if (post.author_id !== user.id && !isStaff(user)) return { ok: false as const, reason: post.status === "published" ? ("forbidden" as const) : ("notFound" as const) };
  return { ok: true as const, post };
}

export async function updatePost(user: SessionUser, postId: number, input: PostInput): Promise<Outcome<null>> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      if (await isSuspended(trx, user.id)) return { ok: false as const, reason: "suspended" as const };
      const found = await editablePost(trx, postId, user);
      if (!found.ok) return found;
      await trx.updateTable("hub_post").set({ ...postColumns(input), updated_at: new Date() }).where("id", "=", postId).execute();
      await writePostDocument(trx, postId);
      return { ok: true as const, value: null };
    });
  if (outcome.ok) await queueSearchSync();
  return outcome;
}

export async function deletePost(user: SessionUser, postId: number): Promise<Outcome<null>> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      const found = await editablePost(trx, postId, user);
      if (!found.ok) return found;
      await trx.updateTable("hub_post").set({ status: "deleted", updated_at: new Date() }).where("id", "=", postId).execute();
      await writePostDocument(trx, postId);
      return { ok: true as const, value: null };
    });
  if (outcome.ok) await queueSearchSync();
  return outcome;
}

/** A post the user may see and act on: published, or their own, or any for the secretariat. */
async function visiblePost(trx: Executor, postId: number, user: SessionUser) {
  const post = await trx.selectFrom("hub_post").select(["id", "author_id", "status", "kind", "title"]).where("id", "=", postId).executeTakeFirst();
  if (!post || post.status === "deleted") return null;
  if (post.status !== "published" && post.author_id !== user.id && !isStaff(user)) return null;
  return post;
}

/**
 * Adds a comment and tells the post's author and its earlier commenters (not the commenter, not
 * an erased or suspended account) that there is a reply.
 */
export async function addComment(user: SessionUser, postId: number, body: string, options: { illustrative?: boolean } = {}): Promise<Outcome<{ id: number }>> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      if (await isSuspended(trx, user.id)) return { ok: false as const, reason: "suspended" as const };
      const post = await visiblePost(trx, postId, user);
      if (!post || post.status !== "published") return { ok: false as const, reason: "notFound" as const };
      const comment = await trx.insertInto("hub_comment").values({ post_id: postId, author_id: user.id, body, illustrative: options.illustrative ?? false }).returning("id").executeTakeFirstOrThrow();
      await trx.updateTable("hub_post").set({ last_activity_at: new Date() }).where("id", "=", postId).execute();
      const recipients = await trx
        .selectFrom("app_user")
        .select("id")
        .where((eb) =>
          eb.or([
            eb("id", "=", post.author_id ?? ""),
            eb("id", "in", eb.selectFrom("hub_comment").select("author_id").where("post_id", "=", postId).where("id", "<", comment.id).where("status", "=", "published").where("author_id", "is not", null).$narrowType<{ author_id: string }>()),
          ]),
        )
        .where("id", "!=", user.id)
        .where("deleted_at", "is", null)
        .where("suspended_at", "is", null)
        .execute();
      const name = await trx.selectNoFrom(memberNameSql(sql.val(user.id)).as("name")).executeTakeFirstOrThrow();
      await notify(
        trx,
        recipients.map((row): NewNotification => ({ userId: row.id, kind: "hub.reply", payload: { postId, commentId: comment.id, title: post.title, authorName: name.name ?? "" } })),
      );
      await writePostDocument(trx, postId);
      return { ok: true as const, value: { id: comment.id } };
    });
  if (outcome.ok) await queueSearchSync();
  return outcome;
}

/** The comment's author (or the secretariat) deletes it; an accepted answer stops being one. */
export async function deleteComment(user: SessionUser, postId: number, commentId: number): Promise<Outcome<null>> {
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      const comment = await trx.selectFrom("hub_comment").select(["id", "author_id", "status"]).where("id", "=", commentId).where("post_id", "=", postId).executeTakeFirst();
      if (!comment || comment.status === "deleted") return { ok: false as const, reason: "notFound" as const };
      if (comment.author_id !== user.id && !isStaff(user)) return { ok: false as const, reason: "forbidden" as const };
      await trx.updateTable("hub_comment").set({ status: "deleted", updated_at: new Date() }).where("id", "=", commentId).execute();
      await trx.updateTable("hub_post").set({ accepted_comment_id: null }).where("id", "=", postId).where("accepted_comment_id", "=", commentId).execute();
      await writePostDocument(trx, postId);
      return { ok: true as const, value: null };
    });
  if (outcome.ok) await queueSearchSync();
  return outcome;
}

/** Marks a post or comment useful, or takes the mark back. */
export async function toggleUseful(user: SessionUser, postId: number, target: { type: "post" | "comment"; id: number }): Promise<Outcome<{ useful: boolean }>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const post = await visiblePost(trx, postId, user);
      if (!post || post.status !== "published") return { ok: false as const, reason: "notFound" as const };
      if (target.type === "post" && target.id !== postId) return { ok: false as const, reason: "notFound" as const };
      if (target.type === "comment") {
        const comment = await trx.selectFrom("hub_comment").select("id").where("id", "=", target.id).where("post_id", "=", postId).where("status", "=", "published").executeTakeFirst();
        if (!comment) return { ok: false as const, reason: "notFound" as const };
      }
      const removed = await trx.deleteFrom("hub_reaction").where("target_type", "=", target.type).where("target_id", "=", target.id).where("user_id", "=", user.id).executeTakeFirst();
      if (removed.numDeletedRows > 0n) return { ok: true as const, value: { useful: false } };
      await trx.insertInto("hub_reaction").values({ target_type: target.type, target_id: target.id, user_id: user.id }).onConflict((oc) => oc.doNothing()).execute();
      return { ok: true as const, value: { useful: true } };
    });
}

/**
 * The question's author (or the secretariat) accepts one comment as the answer, or none
 * (`commentId` absent). The comment's author is told, unless they accepted it themselves.
 */
export async function acceptAnswer(user: SessionUser, postId: number, commentId: number | undefined): Promise<Outcome<null>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const post = await visiblePost(trx, postId, user);
      if (!post || post.status !== "published") return { ok: false as const, reason: "notFound" as const };
      if (post.kind !== "question") return { ok: false as const, reason: "notQuestion" as const };
      if (post.author_id !== user.id && !isStaff(user)) return { ok: false as const, reason: "forbidden" as const };
      if (commentId === undefined) {
        await trx.updateTable("hub_post").set({ accepted_comment_id: null }).where("id", "=", postId).execute();
        return { ok: true as const, value: null };
      }
      const comment = await trx
        .selectFrom("hub_comment as c")
        .innerJoin("app_user as u", "u.id", "c.author_id")
        .select(["c.id", "c.author_id", "u.deleted_at", "u.suspended_at"])
        .where("c.id", "=", commentId)
        .where("c.post_id", "=", postId)
        .where("c.status", "=", "published")
        .executeTakeFirst();
      if (!comment) return { ok: false as const, reason: "notFound" as const };
      await trx.updateTable("hub_post").set({ accepted_comment_id: commentId }).where("id", "=", postId).execute();
      if (comment.author_id && comment.author_id !== user.id && !comment.deleted_at && !comment.suspended_at) {
        await notify(trx, [{ userId: comment.author_id, kind: "hub.answer_accepted", payload: { postId, commentId, title: post.title } }]);
      }
      return { ok: true as const, value: null };
    });
}

/** A report on a post or comment the member can see; reporting the same thing twice counts once. */
export async function reportContent(
  user: SessionUser,
  postId: number,
  report: { targetType: "post" | "comment"; targetId: number; reason: "spam" | "abuse" | "off_topic" | "personal_data" | "other"; details: string },
): Promise<Outcome<{ counted: boolean }>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const post = await visiblePost(trx, postId, user);
      if (!post) return { ok: false as const, reason: "notFound" as const };
      if (report.targetType === "post" && report.targetId !== postId) return { ok: false as const, reason: "notFound" as const };
      if (report.targetType === "comment") {
        const comment = await trx.selectFrom("hub_comment").select("id").where("id", "=", report.targetId).where("post_id", "=", postId).where("status", "!=", "deleted").executeTakeFirst();
        if (!comment) return { ok: false as const, reason: "notFound" as const };
      }
      const inserted = await trx
        .insertInto("hub_report")
        .values({ target_type: report.targetType, target_id: report.targetId, reporter_id: user.id, reason: report.reason, details: report.details })
        .onConflict((oc) => oc.columns(["target_type", "target_id", "reporter_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      return { ok: true as const, value: { counted: Boolean(inserted) } };
    });
}
