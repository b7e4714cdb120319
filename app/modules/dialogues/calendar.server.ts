import { createEvents, type EventAttributes } from "ics";
import { localePath, type Locale } from "~/utils/i18n";
import { listDialoguesForCalendar } from "./queries.server";

/**
 * iCalendar files of public dialogues (one, or the whole calendar as a feed). Instants are
 * written in UTC, so every calendar program places them right whatever its own zone; the venue's
 * zone is named in the description.
 */
export async function getDialoguesIcs(locale: Locale, origin: string, dialogueId?: number): Promise<string | null> {
  const dialogues = await listDialoguesForCalendar(locale, dialogueId);
  if (dialogueId !== undefined && dialogues.length === 0) return null;
  const host = new URL(origin).hostname || "agora.local";
  const events: EventAttributes[] = dialogues.map((dialogue) => {
    const url = new URL(localePath(locale, `/dialogues/${dialogue.id}`), origin).toString();
    return {
      uid: `dialogue-${dialogue.id}@${host}`,
      productId: "agora/dialogues",
      start: dialogue.starts_at.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: dialogue.ends_at.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      title: dialogue.title,
      description: [dialogue.description, `(${dialogue.time_zone})`, url].filter(Boolean).join("\n\n"),
      location: dialogue.venue || undefined,
      url,
      status: "CONFIRMED",
      created: dialogue.created_at.getTime(),
      lastModified: dialogue.updated_at.getTime(),
    };
  });
  const { error, value } = createEvents(events, { calName: "Agora: constructive dialogues" });
  if (error || !value) throw error ?? new Error("could not write the calendar");
  return value;
}
