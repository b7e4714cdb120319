/**
 * A hub post in the search: one document (kind `hub_post`) in the post's language, with its
 * published comments' text in the body. Only published posts are indexed; a post held, hidden or
 * deleted has no document. No author name or pseudonym goes in: a later pseudonym or an erased
 * account must not need a reindex, and a pseudonym must not be searchable back to a post.
 */
import { sendJob } from "~/modules/jobs/jobs.server";
import type { SearchDocument } from "~/modules/search/documents";
import { replaceSearchDocuments } from "~/modules/search/index.server";
import type { Executor } from "~/utils/db.server";
import { isLocale } from "~/utils/i18n";
import { markdownToText } from "~/utils/markdown.server";

export const postItemId = (postId: number) => `hub_post:${postId}`;
export const postPath = (postId: number) => `/hub/posts/${postId}`;

/** Rewrites the post's search document to match the post now, in the caller's transaction. */
export async function writePostDocument(trx: Executor, postId: number) {
  const post = await trx
    .selectFrom("hub_post")
    .select(["id", "kind", "title", "body", "locale", "status", "instruments", "articles", "clusters", "countries", "tags", "created_at"])
    .where("id", "=", postId)
    .executeTakeFirst();
  if (!post || post.status !== "published" || !isLocale(post.locale)) return replaceSearchDocuments(trx, [postItemId(postId)], []);
  const comments = await trx.selectFrom("hub_comment").select("body").where("post_id", "=", postId).where("status", "=", "published").orderBy("id").execute();
  const body = [markdownToText(post.body), ...comments.map((comment) => markdownToText(comment.body))].join("\n\n");
  const document: SearchDocument = {
    id: `${postItemId(post.id)}:${post.locale}`,
    kind: "hub_post",
    itemId: postItemId(post.id),
    locale: post.locale,
    title: post.title,
    summary: markdownToText(post.body).slice(0, 300),
    body,
    path: postPath(post.id),
    type: "hub_post",
    instruments: post.instruments,
    articles: post.articles,
    clusters: post.clusters,
    stages: [],
    audiences: [],
    country: post.countries[0] ?? null,
    year: post.created_at.getUTCFullYear(),
  };
  await replaceSearchDocuments(trx, [postItemId(post.id)], [document]);
}

/** After commit: push the changed documents to Meilisearch (the cron job catches up if this fails). */
export async function queueSearchSync() {
  await sendJob("search.sync").catch((error) => console.error("[hub] could not queue search.sync:", String(error)));
}
