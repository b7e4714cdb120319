/**
 * Reads of constructive dialogues, each returning what a page shows: the calendar, a dialogue's
 * page for one viewer, participation figures, a member's registrations and the open data.
 */
import { isFollowingDialogue } from "~/modules/hub/follows.server";
import { sql } from "kysely";
import type { AttendanceMode, DialogueState, OrganizationKind, RegistrationStatus } from "../../../db/schema";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import type { SessionUser } from "~/modules/auth/session.server";
import { getDb, type Executor } from "~/utils/db.server";
import { formatDateTimeInZone, formatDay, formatTimeRangeInZone, utcOffset } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { pickLocalized } from "~/utils/format";
import { canEditObservations } from "./access.server";
import type { CalendarQuery } from "./dialogues.schema.server";
import { capacityOf } from "./registration.server";
import { isStandardTopic, modesOf, PUBLIC_STATES } from "./vocabulary";

const summaryColumns = ["id", "title", "session_code", "session_title", "starts_at", "ends_at", "time_zone", "format", "venue", "state", "illustrative"] as const;

type SummaryRow = {
  id: number;
  title: Record<string, string>;
  session_code: string;
  session_title: Record<string, string>;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  format: "in_person" | "online" | "hybrid";
  venue: string;
  state: DialogueState;
  illustrative: boolean;
};

function toListItem(row: SummaryRow, locale: Locale) {
  return {
    id: row.id,
    title: pickLocalized(row.title, locale),
    session: pickLocalized(row.session_title, locale),
    when: formatTimeRangeInZone(row.starts_at, row.ends_at, locale, row.time_zone),
    startsAt: row.starts_at.toISOString(),
    format: row.format,
    venue: row.venue,
    state: row.state,
    illustrative: row.illustrative,
  };
}
export type DialogueListItem = ReturnType<typeof toListItem>;

/** The public calendar: upcoming dialogues first (soonest first), then past ones (latest first). */
export async function getCalendarView(locale: Locale, query: CalendarQuery, now = new Date()) {
  let select = getDb().selectFrom("dialogue").select(summaryColumns).where("state", "in", [...PUBLIC_STATES]);
  if (query.session) select = select.where("session_code", "=", query.session);
  if (query.format) select = select.where("format", "=", query.format);
  if (query.year) select = select.where(sql<number>`extract(year from starts_at at time zone time_zone)`, "=", query.year);
  const [rows, sessions] = await Promise.all([
    select.orderBy("starts_at").execute(),
    getDb()
      .selectFrom("dialogue")
      .select(["session_code", "session_title", "starts_at", "time_zone"])
      .where("state", "in", [...PUBLIC_STATES])
      .orderBy("starts_at", "desc")
      .execute(),
  ]);
  const upcoming = rows.filter((row) => row.ends_at >= now).map((row) => toListItem(row, locale));
  const past = rows
    .filter((row) => row.ends_at < now)
    .reverse()
    .map((row) => toListItem(row, locale));
  const sessionOptions = [...new Map(sessions.map((row) => [row.session_code, pickLocalized(row.session_title, locale)])).entries()].map(([value, label]) => ({ value, label }));
  const years = [...new Set(sessions.map((row) => Number(formatDay(row.starts_at, "en-CA", row.time_zone).slice(0, 4))))].sort((a, b) => b - a);
  return { upcoming, past, sessionOptions, years, query, illustrative: rows.some((row) => row.illustrative) };
}

/** Upcoming public dialogues, soonest first (country profiles and the home page list them). */
export async function listUpcomingDialogues(locale: Locale, limit = 5, now = new Date()) {
  const rows = await getDb()
    .selectFrom("dialogue")
    .select(summaryColumns)
    .where("state", "in", ["open", "closed"])
    .where("ends_at", ">=", now)
    .orderBy("starts_at")
    .limit(limit)
    .execute();
  return rows.map((row) => toListItem(row, locale));
}

async function countSeats(dialogueId: number, executor: Executor = getDb()) {
  const rows = await executor
    .selectFrom("dialogue_registration")
    .select(["mode", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("dialogue_id", "=", dialogueId)
    .where("status", "in", ["confirmed", "waitlisted", "pending"])
    .groupBy(["mode", "status"])
    .execute();
  const count = (mode: AttendanceMode, status: RegistrationStatus) => Number(rows.find((row) => row.mode === mode && row.status === status)?.count ?? 0);
  return count;
}

export type Participation = {
  organizations: Record<OrganizationKind, number>;
  states: number;
  igos: number;
  attendees: Record<AttendanceMode, number>;
  observations: number;
};

/** A held dialogue's participation as open data, saying whether the dialogue is illustrative; null before it is held. */
export async function getParticipationOpenData(dialogueId: number) {
  const found = await findDialogue(dialogueId, null);
  if (!found || (found.dialogue.state !== "held" && found.dialogue.state !== "summary_published")) return null;
  return { ...(await getParticipation(dialogueId)), illustrative: found.dialogue.illustrative };
}

/**
 * Who took part, from attended registrations: organizations counted once each (by kind and
 * name), the member states represented by government registrations, attendees per mode, and
 * the published observations.
 */
export async function getParticipation(dialogueId: number, executor: Executor = getDb()): Promise<Participation> {
  const [organizations, states, attendees, observations] = await Promise.all([
    executor
      .selectFrom("dialogue_registration")
      .select(["organization_kind", sql<number>`count(distinct lower(organization_name))`.as("count")])
      .where("dialogue_id", "=", dialogueId)
      .where("attended_at", "is not", null)
      .groupBy("organization_kind")
      .execute(),
    executor
      .selectFrom("dialogue_registration")
      .select(sql<number>`count(distinct country_code)`.as("count"))
      .where("dialogue_id", "=", dialogueId)
      .where("attended_at", "is not", null)
      .where("organization_kind", "=", "government")
      .executeTakeFirstOrThrow(),
    executor
      .selectFrom("dialogue_registration")
      .select(["mode", (eb) => eb.fn.countAll<number>().as("count")])
      .where("dialogue_id", "=", dialogueId)
      .where("attended_at", "is not", null)
      .groupBy("mode")
      .execute(),
    executor
      .selectFrom("dialogue_observation")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("dialogue_id", "=", dialogueId)
      .where("status", "=", "published")
      .where("merged_into_id", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  const byKind = Object.fromEntries(ORGANIZATION_KINDS.map((kind) => [kind, Number(organizations.find((row) => row.organization_kind === kind)?.count ?? 0)])) as Record<OrganizationKind, number>;
  return {
    organizations: byKind,
    states: Number(states.count),
    igos: byKind.igo,
    attendees: {
      in_person: Number(attendees.find((row) => row.mode === "in_person")?.count ?? 0),
      online: Number(attendees.find((row) => row.mode === "online")?.count ?? 0),
    },
    observations: Number(observations.count),
  };
}

/** The public dialogue by id (drafts only for those who may edit them), or null. */
export async function findDialogue(dialogueId: number, viewer: Pick<SessionUser, "id" | "role"> | null) {
  const dialogue = await getDb().selectFrom("dialogue").selectAll().where("id", "=", dialogueId).executeTakeFirst();
  if (!dialogue) return null;
  const canEdit = await canEditObservations(viewer, dialogueId);
  if (dialogue.state === "draft" && !canEdit) return null;
  return { dialogue, canEdit };
}

async function getAgenda(dialogueId: number, locale: Locale) {
  const topics = await getDb().selectFrom("dialogue_topic").selectAll().where("dialogue_id", "=", dialogueId).orderBy("position").execute();
  return topics.map((topic) => ({
    code: topic.code,
    standard: isStandardTopic(topic.code),
    title: pickLocalized(topic.title, locale),
    clusters: topic.clusters,
    articles: topic.articles,
  }));
}
export type AgendaTopic = Awaited<ReturnType<typeof getAgenda>>[number];

/**
 * Everything the dialogue page shows to this viewer: details, agenda, seats left per mode, the
 * viewer's registration (with the online link only once confirmed), what the form needs, and
 * participation once held. Null for an unknown dialogue or a draft the viewer may not see.
 */
export async function getDialogueView(dialogueId: number, locale: Locale, viewer: SessionUser | null, now = new Date()) {
  const found = await findDialogue(dialogueId, viewer);
  if (!found) return null;
  const { dialogue, canEdit } = found;
  const [following, agenda, seatCount, registration, profile, certified, publicOrganizations] = await Promise.all([
    viewer && dialogue.state !== "draft" ? isFollowingDialogue(viewer.id, dialogueId) : false,
    getAgenda(dialogueId, locale),
    countSeats(dialogueId),
    viewer
      ? getDb()
          .selectFrom("dialogue_registration")
          .select(["id", "mode", "status", "priority", "waitlisted_at", "check_in_code", "attended_at", "decision_reason", "organization_name"])
          .where("dialogue_id", "=", dialogueId)
          .where("user_id", "=", viewer.id)
          .executeTakeFirst()
      : undefined,
    viewer ? getDb().selectFrom("app_user").select(["organization_name", "organization_kind"]).where("id", "=", viewer.id).executeTakeFirst() : undefined,
    viewer && dialogue.course_slug
      ? getDb().selectFrom("certificate").select("code").where("user_id", "=", viewer.id).where("course_slug", "=", dialogue.course_slug).executeTakeFirst()
      : undefined,
    getDb()
      .selectFrom("dialogue_registration")
      .select(["organization_name", "organization_kind"])
      .distinct()
      .where("dialogue_id", "=", dialogueId)
      .where("list_publicly", "=", true)
      .where((eb) => eb.or([eb("status", "=", "confirmed"), eb("attended_at", "is not", null)]))
      .orderBy("organization_name")
      .limit(500)
      .execute(),
  ]);

  let position: number | null = null;
  if (registration?.status === "waitlisted") {
    const ahead = await getDb()
      .selectFrom("dialogue_registration")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("dialogue_id", "=", dialogueId)
      .where("mode", "=", registration.mode)
      .where("status", "=", "waitlisted")
      .where((eb) =>
        eb.or([
          eb("priority", ">", registration.priority),
          eb.and([eb("priority", "=", registration.priority), eb.or([eb("waitlisted_at", "<", registration.waitlisted_at!), eb.and([eb("waitlisted_at", "=", registration.waitlisted_at!), eb("id", "<", registration.id)])])]),
        ]),
      )
      .executeTakeFirstOrThrow();
    position = Number(ahead.count) + 1;
  }

  const modes = modesOf(dialogue.format)
    .filter((mode) => capacityOf(dialogue, mode) > 0)
    .map((mode) => {
      const capacity = capacityOf(dialogue, mode);
      return { mode, capacity, seatsLeft: Math.max(0, capacity - seatCount(mode, "confirmed")), waiting: seatCount(mode, "waitlisted") };
    });
  const windowOpen =
    dialogue.state === "open" &&
    dialogue.starts_at > now &&
    (!dialogue.registration_opens_at || dialogue.registration_opens_at <= now) &&
    (!dialogue.registration_closes_at || dialogue.registration_closes_at > now);
  const held = dialogue.state === "held" || dialogue.state === "summary_published";
  const live = registration && registration.status !== "cancelled" ? registration : null;

  return {
    id: dialogue.id,
    title: pickLocalized(dialogue.title, locale),
    description: pickLocalized(dialogue.description, locale),
    session: pickLocalized(dialogue.session_title, locale),
    sessionCode: dialogue.session_code,
    when: formatTimeRangeInZone(dialogue.starts_at, dialogue.ends_at, locale, dialogue.time_zone),
    timeZone: dialogue.time_zone,
    offset: utcOffset(dialogue.starts_at, locale, dialogue.time_zone),
    startsAt: dialogue.starts_at.toISOString(),
    endsAt: dialogue.ends_at.toISOString(),
    format: dialogue.format,
    venue: dialogue.venue,
    state: dialogue.state,
    /** Whether the viewer follows it (hub notifications); null when it cannot be followed (a visitor, a draft). */
    following: viewer && dialogue.state !== "draft" ? following : null,
    illustrative: dialogue.illustrative,
    approvalRequired: dialogue.approval_required,
    eligibleKinds: dialogue.eligible_kinds,
    course: dialogue.course_slug && dialogue.course_rule ? { slug: dialogue.course_slug, rule: dialogue.course_rule, held: !!certified } : null,
    registrationOpensAt: dialogue.registration_opens_at ? formatDateTimeInZone(dialogue.registration_opens_at, locale, dialogue.time_zone) : null,
    registrationClosesAt: dialogue.registration_closes_at ? formatDateTimeInZone(dialogue.registration_closes_at, locale, dialogue.time_zone) : null,
    windowOpen,
    agenda,
    modes,
    canEdit,
    signedIn: !!viewer,
    registration: live
      ? {
          mode: live.mode,
          status: live.status,
          position,
          priority: live.priority,
          checkInCode: live.status === "confirmed" ? live.check_in_code : null,
          onlineUrl: live.status === "confirmed" && live.mode === "online" ? dialogue.online_url : null,
          attended: !!live.attended_at,
          reason: live.status === "declined" ? live.decision_reason : null,
        }
      : null,
    prefill: profile ? { organizationName: registration?.organization_name ?? profile.organization_name, organizationKind: profile.organization_kind } : null,
    participation: held ? await getParticipation(dialogueId) : null,
    organizations: publicOrganizations.map((row) => ({ name: row.organization_name, kind: row.organization_kind })),
  };
}
export type DialogueView = NonNullable<Awaited<ReturnType<typeof getDialogueView>>>;

/** A member's registrations, newest dialogue first (their account page). */
export async function listMemberRegistrations(userId: string, locale: Locale) {
  const rows = await getDb()
    .selectFrom("dialogue_registration as r")
    .innerJoin("dialogue as d", "d.id", "r.dialogue_id")
    .select(["d.id", "d.title", "d.starts_at", "d.ends_at", "d.time_zone", "r.mode", "r.status", "r.attended_at"])
    .where("r.user_id", "=", userId)
    .where("r.status", "!=", "cancelled")
    .orderBy("d.starts_at", "desc")
    .execute();
  return rows.map((row) => ({
    dialogueId: row.id,
    title: pickLocalized(row.title, locale),
    when: formatTimeRangeInZone(row.starts_at, row.ends_at, locale, row.time_zone),
    mode: row.mode,
    status: row.status,
    attended: !!row.attended_at,
  }));
}

/** Open data: every public dialogue, by start. */
export async function listDialoguesOpenData(origin: string) {
  const rows = await getDb().selectFrom("dialogue").select(summaryColumns).where("state", "in", [...PUBLIC_STATES]).orderBy("starts_at").execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    starts_at: row.starts_at.toISOString(),
    ends_at: row.ends_at.toISOString(),
    time_zone: row.time_zone,
    format: row.format,
    state: row.state,
    illustrative: row.illustrative,
    url: new URL(`/dialogues/${row.id}`, origin).toString(),
  }));
}

/** What the calendar files need: public dialogues (or one), with their description in `locale`. */
export async function listDialoguesForCalendar(locale: Locale, dialogueId?: number) {
  let query = getDb()
    .selectFrom("dialogue")
    .select(["id", "title", "description", "starts_at", "ends_at", "time_zone", "format", "venue", "state", "updated_at", "created_at"])
    .where("state", "in", [...PUBLIC_STATES]);
  if (dialogueId !== undefined) query = query.where("id", "=", dialogueId);
  const rows = await query.orderBy("starts_at").execute();
  return rows.map((row) => ({ ...row, title: pickLocalized(row.title, locale), description: pickLocalized(row.description, locale) }));
}
