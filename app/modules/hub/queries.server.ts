/**
 * What the hub's pages show: the feed (one query per page, counts aggregated in it) and a post
 * with its comments. Hidden and held content is shown to its author and the secretariat only,
 * with the reason; everyone else gets a 404 from the caller when the view is null.
 */
import { sql, type SqlBool } from "kysely";
import { LRUCache } from "lru-cache";
import type { ContentStatus, PostKind } from "../../../db/schema/hub";
import type { SessionUser } from "~/modules/auth/session.server";
import { listCountries } from "~/modules/countries/countries.server";
import { getTreatyLabels } from "~/modules/treaty/treaty.server";
import { getDb } from "~/utils/db.server";
import { formatDay, formatDateTimeInZone, formatTimeRangeInZone, toLocalInputValue } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { markdownToText, renderMemberMarkdown } from "~/utils/markdown.server";
import { authorNameSql, toAuthorRef, type AuthorRef } from "./authors.server";
import { getHubFigures } from "./figures.server";
import { isFollowing } from "./follows.server";
import type { FeedQuery } from "./posts.schema.server";

export const FEED_PAGE_SIZE = 20;

export type TagRef = { key: string; type: "instrument" | "article" | "cluster" | "tag"; value: string };
export type EventView = { when: string; timeZone: string; place: string | null; icsHref: string };

function tagRefs(post: { instruments: string[]; articles: string[]; clusters: string[]; tags: string[] }): TagRef[] {
  return [
    ...post.instruments.map((value) => ({ key: `instrument:${value}`, type: "instrument" as const, value })),
    ...post.articles.map((value) => ({ key: `article:${value}`, type: "article" as const, value })),
    ...post.clusters.map((value) => ({ key: `cluster:${value}`, type: "cluster" as const, value })),
    ...post.tags.map((value) => ({ key: `tag:${value}`, type: "tag" as const, value })),
  ];
}

function eventView(post: { id: number; event_starts_at: Date | null; event_ends_at: Date | null; event_time_zone: string | null; event_place: string | null }, locale: Locale): EventView | null {
  if (!post.event_starts_at) return null;
  const zone = post.event_time_zone ?? "UTC";
  return {
    when: post.event_ends_at ? formatTimeRangeInZone(post.event_starts_at, post.event_ends_at, locale, zone) : formatDateTimeInZone(post.event_starts_at, locale, zone),
    timeZone: zone,
    place: post.event_place,
    icsHref: `/hub/posts/${post.id}/event.ics?lang=${locale}`,
  };
}

/** Labels for the tags and countries a page shows, in the reader's language. */
async function labelsFor(locale: Locale, countryCodes: string[]) {
  const treaty = await getTreatyLabels(locale);
  const wanted = new Set(countryCodes);
  return {
    instruments: Object.fromEntries(treaty.instruments.map((item) => [item.code, item.title])),
    clusters: Object.fromEntries(treaty.clusters.map((item) => [item.code, item.title])),
    countries: Object.fromEntries(listCountries(locale).filter((country) => wanted.has(country.code)).map((country) => [country.code, country.name])),
  };
}
export type HubLabels = Awaited<ReturnType<typeof labelsFor>>;

const usefulCount = (type: "post" | "comment", id: string) =>
  sql<number>`(select count(*)::int from hub_reaction r where r.target_type = ${type} and r.target_id = ${sql.ref(id)})`;
const viewerUseful = (type: "post" | "comment", id: string, viewerId: string | null) =>
  viewerId ? sql<boolean>`exists (select 1 from hub_reaction r where r.target_type = ${type} and r.target_id = ${sql.ref(id)} and r.user_id = ${viewerId})` : sql<boolean>`false`;

/** Posts by followed members, with a followed tag, or tagged with a followed country. */
function followedBy(userId: string) {
  return sql<SqlBool>`(
    p.author_id in (select f.target_key from hub_follow f where f.user_id = ${userId} and f.target_type = 'member')
    or exists (
      select 1 from hub_follow f where f.user_id = ${userId} and f.target_type = 'tag' and (
        (f.target_key like 'instrument:%' and substr(f.target_key, 12) = any(p.instruments))
        or (f.target_key like 'article:%' and substr(f.target_key, 9) = any(p.articles))
        or (f.target_key like 'cluster:%' and substr(f.target_key, 9) = any(p.clusters))
        or (f.target_key like 'tag:%' and substr(f.target_key, 5) = any(p.tags))))
    or p.countries && array(select c.party_code from country_follow c where c.user_id = ${userId}))`;
}

function tagFilter(key: string) {
  const [type, ...rest] = key.split(":");
  const value = rest.join(":");
  const column = type === "instrument" ? "p.instruments" : type === "article" ? "p.articles" : type === "cluster" ? "p.clusters" : "p.tags";
  return sql<SqlBool>`${sql.ref(column)} @> array[${value}]::text[]`;
}

/** One page of the feed, newest activity first, with the filters applied. */
export async function getFeedView(query: FeedQuery, locale: Locale, user: SessionUser | null) {
  const viewerId = user?.id ?? null;
  let select = getDb()
    .selectFrom("hub_post as p")
    .leftJoin("app_user as u", "u.id", "p.author_id")
    .leftJoin("hub_profile as hp", "hp.user_id", "p.author_id")
    .select([
      "p.id",
      "p.kind",
      "p.title",
      "p.locale",
      "p.author_id",
      "p.instruments",
      "p.articles",
      "p.clusters",
      "p.countries",
      "p.tags",
      "p.event_starts_at",
      "p.event_ends_at",
      "p.event_time_zone",
      "p.event_place",
      "p.resource_url",
      "p.accepted_comment_id",
      "p.illustrative",
      "p.created_at",
      sql<string>`left(p.body, 800)`.as("body_start"),
      authorNameSql("u", "hp").as("author_name"),
      sql<number>`(select count(*)::int from hub_comment c where c.post_id = p.id and c.status = 'published')`.as("comment_count"),
      usefulCount("post", "p.id").as("useful_count"),
    ])
    .where("p.status", "=", "published");
  if (query.kind) select = select.where("p.kind", "=", query.kind);
  if (query.language) select = select.where("p.locale", "=", query.language);
  if (query.country) select = select.where(sql<SqlBool>`p.countries @> array[${query.country}]::text[]`);
  if (query.tag) select = select.where(tagFilter(query.tag));
  const following = query.following && viewerId !== null;
  if (following) select = select.where(followedBy(viewerId));
  const [rows, figures, followingTag] = await Promise.all([
    select
      .orderBy("p.last_activity_at", "desc")
      .orderBy("p.id", "desc")
      .limit(FEED_PAGE_SIZE + 1)
      .offset((query.page - 1) * FEED_PAGE_SIZE)
      .execute(),
    getHubFigures(),
    viewerId && query.tag ? isFollowing(viewerId, "tag", query.tag) : false,
  ]);
  const page = rows.slice(0, FEED_PAGE_SIZE);
  const labels = await labelsFor(locale, page.flatMap((row) => row.countries).concat(query.country ? [query.country] : []));
  return {
    filters: { ...query, following },
    followingTag,
    signedIn: user !== null,
    canModerate: user?.role === "secretariat",
    page: query.page,
    hasNext: rows.length > FEED_PAGE_SIZE,
    labels,
    figures,
    countries: listCountries(locale),
    posts: page.map((row) => ({
      id: row.id,
      kind: row.kind as PostKind,
      title: row.title,
      locale: row.locale,
      excerpt: excerptOf(row.body_start),
      author: toAuthorRef(row),
      createdOn: formatDay(row.created_at, locale),
      tags: tagRefs(row),
      countries: row.countries,
      event: eventView(row, locale),
      resourceUrl: row.resource_url,
      answered: row.accepted_comment_id !== null,
      commentCount: row.comment_count,
      usefulCount: row.useful_count,
      illustrative: row.illustrative,
    })),
  };
}
export type FeedView = Awaited<ReturnType<typeof getFeedView>>;
export type FeedItem = FeedView["posts"][number];

/**
 * Excerpts by the text they come from: markdown → text took ≈ 2.8 ms for a feed page on every
 * request. Keyed by the text itself, so an edited post gets a new excerpt and none is ever stale.
 */
const excerpts = new LRUCache<string, string>({ max: 5_000 });

function excerptOf(bodyStart: string) {
  let kept = excerpts.get(bodyStart);
  if (kept === undefined) {
    const text = markdownToText(bodyStart);
    excerpts.set(bodyStart, (kept = text.length > 280 ? `${text.slice(0, 279).trimEnd()}…` : text));
  }
  return kept;
}

/** Whether this viewer may see content in this state, and if not published, why it is shown. */
function mayView(status: ContentStatus, authorId: string | null, user: SessionUser | null) {
  if (status === "published") return true;
  if (status === "deleted" || !user) return false;
  return user.role === "secretariat" || user.id === authorId;
}

export type CommentView = {
  id: number;
  author: AuthorRef;
  html: string;
  createdOn: string;
  usefulCount: number;
  viewerUseful: boolean;
  accepted: boolean;
  status: ContentStatus;
  moderationReason: string;
  canDelete: boolean;
  illustrative: boolean;
};

/** A post with its comments, as the viewer may see it; null when it is not theirs to see. */
export async function getPostView(postId: number, locale: Locale, user: SessionUser | null) {
  const viewerId = user?.id ?? null;
  const db = getDb();
  const post = await db
    .selectFrom("hub_post as p")
    .leftJoin("app_user as u", "u.id", "p.author_id")
    .leftJoin("hub_profile as hp", "hp.user_id", "p.author_id")
    .selectAll("p")
    .select([authorNameSql("u", "hp").as("author_name"), usefulCount("post", "p.id").as("useful_count"), viewerUseful("post", "p.id", viewerId).as("viewer_useful")])
    .where("p.id", "=", postId)
    .executeTakeFirst();
  if (!post || !mayView(post.status, post.author_id, user)) return null;
  const comments = await db
    .selectFrom("hub_comment as c")
    .leftJoin("app_user as u", "u.id", "c.author_id")
    .leftJoin("hub_profile as hp", "hp.user_id", "c.author_id")
    .select([
      "c.id",
      "c.author_id",
      "c.body",
      "c.status",
      "c.moderation_reason",
      "c.created_at",
      "c.illustrative",
      authorNameSql("u", "hp").as("author_name"),
      usefulCount("comment", "c.id").as("useful_count"),
      viewerUseful("comment", "c.id", viewerId).as("viewer_useful"),
    ])
    .where("c.post_id", "=", postId)
    .where("c.status", "!=", "deleted")
    .orderBy("c.created_at")
    .orderBy("c.id")
    .execute();
  const isStaff = user?.role === "secretariat";
  const isAuthor = viewerId !== null && viewerId === post.author_id;
  const labels = await labelsFor(locale, post.countries);
  return {
    id: post.id,
    kind: post.kind,
    title: post.title,
    locale: post.locale,
    html: renderMemberMarkdown(post.body),
    author: toAuthorRef(post),
    createdOn: formatDay(post.created_at, locale),
    edited: post.updated_at.getTime() - post.created_at.getTime() > 60_000,
    tags: tagRefs(post),
    countries: post.countries,
    labels,
    event: eventView(post, locale),
    resourceUrl: post.resource_url,
    status: post.status,
    moderationReason: post.moderation_reason,
    illustrative: post.illustrative,
    usefulCount: post.useful_count,
    viewerUseful: post.viewer_useful,
    acceptedCommentId: post.accepted_comment_id,
    signedIn: user !== null,
    canEdit: isAuthor || isStaff,
    canAccept: post.kind === "question" && post.status === "published" && (isAuthor || isStaff),
    canModerate: isStaff,
    comments: comments
      .filter((comment) => mayView(comment.status, comment.author_id, user))
      .map(
        (comment): CommentView => ({
          id: comment.id,
          author: toAuthorRef(comment),
          html: renderMemberMarkdown(comment.body),
          createdOn: formatDay(comment.created_at, locale),
          usefulCount: comment.useful_count,
          viewerUseful: comment.viewer_useful,
          accepted: comment.id === post.accepted_comment_id,
          status: comment.status,
          moderationReason: comment.moderation_reason,
          canDelete: isStaff || (viewerId !== null && comment.author_id === viewerId),
          illustrative: comment.illustrative,
        }),
      ),
  };
}
export type PostView = NonNullable<Awaited<ReturnType<typeof getPostView>>>;

/** The post as its edit form starts: what the author wrote, times in the event's own zone. */
export async function getPostForEdit(postId: number, user: SessionUser) {
  const post = await getDb().selectFrom("hub_post").selectAll().where("id", "=", postId).executeTakeFirst();
  if (!post || post.status === "deleted" || (post.author_id !== user.id && user.role !== "secretariat")) return null;
  const zone = post.event_time_zone ?? "UTC";
  return {
    id: post.id,
    values: {
      kind: post.kind,
      title: post.title,
      body: post.body,
      locale: post.locale,
      instruments: post.instruments.join(","),
      clusters: post.clusters.join(","),
      articles: post.articles.join(", "),
      countries: post.countries.join(", "),
      tags: post.tags.join(", "),
      startsAt: toLocalInputValue(post.event_starts_at, zone),
      endsAt: toLocalInputValue(post.event_ends_at, zone),
      timeZone: post.event_time_zone ?? "",
      place: post.event_place ?? "",
      resourceUrl: post.resource_url ?? "",
    } as Record<string, string>,
  };
}

/** A published event post as iCalendar data, or null. */
export async function getEventForCalendar(postId: number) {
  return getDb()
    .selectFrom("hub_post")
    .select(["id", "title", "body", "event_starts_at", "event_ends_at", "event_time_zone", "event_place", "created_at", "updated_at"])
    .where("id", "=", postId)
    .where("status", "=", "published")
    .where("kind", "=", "event")
    .executeTakeFirst();
}

/** The choices the post form offers, in the reader's language. */
export async function getPostFormOptions(locale: Locale) {
  const treaty = await getTreatyLabels(locale);
  return { instruments: treaty.instruments.map((item) => ({ value: item.code, label: item.title })), clusters: treaty.clusters.map((item) => ({ value: item.code, label: item.title })) };
}
export type PostFormOptions = Awaited<ReturnType<typeof getPostFormOptions>>;

/** The edit page of a post: its current values and the form's choices; null when `user` may not edit it. */
export async function getPostEditorView(postId: number, user: SessionUser, locale: Locale) {
  const [post, options] = await Promise.all([getPostForEdit(postId, user), getPostFormOptions(locale)]);
  return post ? { post, options } : null;
}
