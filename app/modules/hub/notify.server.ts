/**
 * The hub's one way of telling members about things: rows in `notification`, read in-app at
 * /account/notifications and carried by the digest e-mails. Every kind and its payload is
 * declared here, so that the list, the digest and the writers agree.
 */
import type { Executor } from "~/utils/db.server";

export type NotificationPayloads = {
  /** Written by the review-status import (app/modules/reviews/import.server.ts). */
  "review.stage_changed": { party: string; cluster: string; from: string | null; to: string; importId: number };
  /** A post by someone followed, or tagged with a followed tag or country. */
  "hub.post_followed": { postId: number; title: string; postKind: string; reason: FollowReason };
  /** A comment on the member's post, or on a post the member commented on. */
  "hub.reply": { postId: number; commentId: number; title: string; authorName: string };
  /** The member's answer was accepted. */
  "hub.answer_accepted": { postId: number; commentId: number; title: string };
  /** The secretariat hid or restored the member's post or comment. */
  "hub.moderated": { targetType: "post" | "comment"; targetId: number; postId: number; title: string; action: "hidden" | "restored"; reason: string };
  /** Something changed in a followed dialogue: registration opened, summary published… */
  "dialogue.updated": { dialogueId: number; title: string; change: "registration_opened" | "summary_published" | "rescheduled" | "cancelled" };
};
export type NotificationKind = keyof NotificationPayloads;
export type FollowReason = { type: "member"; key: string } | { type: "tag"; key: string } | { type: "country"; key: string };

export type NewNotification<K extends NotificationKind = NotificationKind> = { userId: string; kind: K; payload: NotificationPayloads[K] };

export async function notify(trx: Executor, notifications: NewNotification[]) {
  if (!notifications.length) return 0;
  await trx
    .insertInto("notification")
    .values(notifications.map((row) => ({ user_id: row.userId, kind: row.kind, payload: JSON.stringify(row.payload) })))
    .execute();
  return notifications.length;
}

/** The follow keys a post can be followed by, besides its author and countries. */
export function tagKeysOf(post: { instruments: string[]; articles: string[]; clusters: string[]; tags: string[] }): string[] {
  return [
    ...post.instruments.map((code) => `instrument:${code}`),
    ...post.articles.map((key) => `article:${key}`),
    ...post.clusters.map((code) => `cluster:${code}`),
    ...post.tags.map((tag) => `tag:${tag}`),
  ];
}

type FollowedPost = {
  id: number;
  authorId: string | null;
  title: string;
  kind: string;
  countries: string[];
  instruments: string[];
  articles: string[];
  clusters: string[];
  tags: string[];
};

/**
 * One notification per follower of a newly published post's author, tags or countries (one per
 * member, however many of them match; the first match is the reason given), never to its author.
 * Call it in the transaction that publishes the post.
 */
export async function notifyFollowersOfPost(trx: Executor, post: FollowedPost) {
  const tagKeys = tagKeysOf(post);
  const byMember = post.authorId
    ? trx.selectFrom("hub_follow").select(["user_id", "target_type", "target_key"]).where("target_type", "=", "member").where("target_key", "=", post.authorId).execute()
    : Promise.resolve([]);
  const byTag = tagKeys.length
    ? trx.selectFrom("hub_follow").select(["user_id", "target_type", "target_key"]).where("target_type", "=", "tag").where("target_key", "in", tagKeys).execute()
    : Promise.resolve([]);
  const byCountry = post.countries.length
    ? trx.selectFrom("country_follow").select(["user_id", "party_code"]).where("party_code", "in", post.countries).execute()
    : Promise.resolve([]);
  const [members, tags, countries] = await Promise.all([byMember, byTag, byCountry]);
  const reasons = new Map<string, FollowReason>();
  for (const row of members) if (!reasons.has(row.user_id)) reasons.set(row.user_id, { type: "member", key: row.target_key });
  for (const row of tags) if (!reasons.has(row.user_id)) reasons.set(row.user_id, { type: "tag", key: row.target_key });
  for (const row of countries) if (!reasons.has(row.user_id)) reasons.set(row.user_id, { type: "country", key: row.party_code });
  if (post.authorId) reasons.delete(post.authorId);
  return notify(
    trx,
    [...reasons].map(([userId, reason]) => ({ userId, kind: "hub.post_followed", payload: { postId: post.id, title: post.title, postKind: post.kind, reason } })),
  );
}
