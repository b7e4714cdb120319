import { createEvents } from "ics";
import { localePath, type Locale } from "~/utils/i18n";
import { markdownToText } from "~/utils/markdown.server";
import { getEventForCalendar } from "./queries.server";

/**
 * An event post as an iCalendar file, the way the dialogues write theirs: instants in UTC, the
 * organizer's zone named in the description. Null when the post is no published event.
 */
export async function getEventPostIcs(postId: number, locale: Locale, origin: string): Promise<string | null> {
  const post = await getEventForCalendar(postId);
  if (!post?.event_starts_at) return null;
  const url = new URL(localePath(locale, `/hub/posts/${post.id}`), origin).toString();
  const host = new URL(origin).hostname || "agora.local";
  // An event without an end lasts an hour in calendars.
  const end = post.event_ends_at ?? new Date(post.event_starts_at.getTime() + 3_600_000);
  const { error, value } = createEvents([
    {
      uid: `hub-post-${post.id}@${host}`,
      productId: "agora/hub",
      start: post.event_starts_at.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: end.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      title: post.title,
      description: [markdownToText(post.body).slice(0, 2000), post.event_time_zone ? `(${post.event_time_zone})` : "", url].filter(Boolean).join("\n\n"),
      location: post.event_place || undefined,
      url,
      created: post.created_at.getTime(),
      lastModified: post.updated_at.getTime(),
    },
  ]);
  if (error || !value) throw error ?? new Error("could not write the calendar");
  return value;
}
