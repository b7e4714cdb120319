/**
 * Reading notifications: the in-app list at /account/notifications, the unread count in the
 * header, and each kind said as one sentence with a link, in the reader's language: the same
 * sentences the digest e-mails carry.
 */
import { sql } from "kysely";
import { listCountries } from "~/modules/countries/countries.server";
import { getTreatyLabels } from "~/modules/treaty/treaty.server";
import { getDb } from "~/utils/db.server";
import { localePath, type Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import type { NotificationKind } from "./notify.server";

export const NOTIFICATIONS_PAGE_SIZE = 30;
/** The header says "99+" beyond this: counting further would cost more than it tells. */
export const UNREAD_CAP = 99;

/** Unread notifications, counted up to UNREAD_CAP + 1 on the partial index notification_unread_idx. */
export async function countUnread(userId: string): Promise<number> {
  const row = await getDb()
    .selectFrom((eb) => eb.selectFrom("notification").select("id").where("user_id", "=", userId).where("read_at", "is", null).limit(UNREAD_CAP + 1).as("unread"))
    .select(sql<string>`count(*)`.as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

type StoredNotification = { id: number; kind: string; payload: unknown; created_at: Date; read_at: Date | null };
type Translate = Awaited<ReturnType<typeof getFixedT>>;
type Described = { text: string; path: string | null };

const str = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const num = (value: unknown) => (typeof value === "number" && Number.isSafeInteger(value) ? value : null);

/**
 * A function that says a notification in `locale`: one sentence and the path it points to. The
 * payload comes from the database as JSON, so every field is read defensively: an old or odd
 * row reads as a general sentence, never as an error.
 */
export async function notificationDescriber(locale: Locale): Promise<(row: { kind: string; payload: unknown }) => Described> {
  const [t, labels] = await Promise.all([getFixedT(locale, "notifications"), getTreatyLabels(locale)]);
  const countryName = new Map(listCountries(locale).map((country) => [country.code, country.name]));
  const stageTitle = new Map(labels.stages.map((stage) => [stage.code, stage.title]));
  const path = (to: string) => localePath(locale, to);
  return ({ kind, payload }) => {
    const data = (payload && typeof payload === "object" ? payload : {}) as Record<string, unknown>;
    return describe(kind as NotificationKind, data, t as Translate, { countryName, stageTitle, path });
  };
}

function describe(
  kind: NotificationKind,
  data: Record<string, unknown>,
  t: Translate,
  context: { countryName: Map<string, string>; stageTitle: Map<string, string>; path: (to: string) => string },
): Described {
  const postId = num(data.postId);
  const title = str(data.title);
  switch (kind) {
    case "review.stage_changed": {
      const party = str(data.party);
      return {
        text: t("kinds.reviewStageChanged", { country: context.countryName.get(party) ?? party, cluster: str(data.cluster), stage: context.stageTitle.get(str(data.to)) ?? str(data.to) }),
        path: /^[A-Z]{3}$/.test(party) ? context.path(`/countries/${party}`) : null,
      };
    }
    case "hub.post_followed":
      return { text: t("kinds.postFollowed", { title }), path: postId ? context.path(`/hub/posts/${postId}`) : null };
    case "hub.reply":
      return { text: t("kinds.reply", { author: str(data.authorName), title }), path: postId ? context.path(`/hub/posts/${postId}#comment-${num(data.commentId) ?? ""}`) : null };
    case "hub.answer_accepted":
      return { text: t("kinds.answerAccepted", { title }), path: postId ? context.path(`/hub/posts/${postId}`) : null };
    case "hub.moderated": {
      const key = data.action === "restored" ? "kinds.restored" : "kinds.hidden";
      return { text: t(key, { title, reason: str(data.reason) }), path: postId ? context.path(`/hub/posts/${postId}`) : null };
    }
    case "dialogue.updated": {
      const change = ["registration_opened", "summary_published", "rescheduled", "cancelled"].includes(str(data.change)) ? str(data.change) : "rescheduled";
      const dialogueId = num(data.dialogueId);
      const summary = change === "summary_published" ? "/summary" : "";
      return { text: t(`kinds.dialogue.${change}`, { title }), path: dialogueId ? context.path(`/dialogues/${dialogueId}${summary}`) : null };
    }
    default:
      return { text: t("kinds.other"), path: null };
  }
}

/** The member's notifications, newest first, one page, each said in `locale`. */
export async function getNotificationsView(userId: string, locale: Locale, page: number) {
  const [rows, describeRow] = await Promise.all([
    getDb()
      .selectFrom("notification")
      .select(["id", "kind", "payload", "created_at", "read_at", sql<string>`count(*) over ()`.as("total"), sql<string>`count(*) filter (where read_at is null) over ()`.as("unread")])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
      .execute(),
    notificationDescriber(locale),
  ]);
  const total = Number(rows[0]?.total ?? 0);
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
    total,
    unread: Number(rows[0]?.unread ?? 0),
    items: rows.map((row: StoredNotification) => ({ id: row.id, ...describeRow(row), createdAt: row.created_at.toISOString(), read: row.read_at !== null })),
  };
}

export type NotificationsView = Awaited<ReturnType<typeof getNotificationsView>>;

/** Marks one of the member's notifications read (someone else's is left alone), or all of them. */
export async function markNotificationsRead(userId: string, which: { id: number } | "all") {
  let query = getDb().updateTable("notification").set({ read_at: new Date() }).where("user_id", "=", userId).where("read_at", "is", null);
  if (which !== "all") query = query.where("id", "=", which.id);
  await query.execute();
}
