/**
 * Reads of observations, each returning what one page shows: the facilitator's editor and one
 * observation with its history, the facilitator's own page, the public list across dialogues
 * (/observations) and the observations an article page lists.
 */
import { sql } from "kysely";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import type { SessionUser } from "~/modules/auth/session.server";
import { getArticleTitles, getTreatyLabels } from "~/modules/treaty/treaty.server";
import { getDb } from "~/utils/db.server";
import { formatDateTimeInZone, formatDay, formatTimeRangeInZone } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { pickLocalized } from "~/utils/format";
import { listAgenda, observationAnchor, summaryPath, topicTitle } from "./observation-documents.server";
import type { ObservationQuery } from "./observations.schema.server";
import type { RevisionNote } from "./observations.server";
import { PUBLIC_STATES } from "./vocabulary";

/** The fields of the observation form, as the form shows them (after a failed submit: as typed). */
export type ObservationFormValues = { body: string; topics: string[]; clusters: string[]; articles: string; stakeholderKinds: string[] };

export const EMPTY_FORM: ObservationFormValues = { body: "", topics: [], clusters: [], articles: "", stakeholderKinds: [] };

/** What was posted, kept whole — however long the text — so a refused form loses nothing. */
export function toFormValues(raw: Record<string, string | string[]>): ObservationFormValues {
  const list = (value: string | string[] | undefined) => [value ?? []].flat();
  const one = (value: string | string[] | undefined) => list(value)[0] ?? "";
  return { body: one(raw.body), topics: list(raw.topics), clusters: list(raw.clusters), articles: one(raw.articles), stakeholderKinds: list(raw.stakeholderKinds) };
}

/** The choices the observation form offers: the dialogue's agenda, the clusters and the kinds of stakeholder. */
async function getFormChoices(dialogueId: number, locale: Locale) {
  const [agenda, treaty] = await Promise.all([listAgenda(dialogueId), getTreatyLabels(locale)]);
  return {
    topics: agenda.map((topic) => ({ code: topic.code, title: topicTitle(topic, locale) })),
    clusters: treaty.clusters,
    kinds: [...ORGANIZATION_KINDS],
  };
}
export type ObservationFormChoices = Awaited<ReturnType<typeof getFormChoices>>;

async function getDialogueHeading(dialogueId: number, locale: Locale) {
  const dialogue = await getDb()
    .selectFrom("dialogue")
    .select(["id", "title", "starts_at", "ends_at", "time_zone", "state", "illustrative"])
    .where("id", "=", dialogueId)
    .executeTakeFirst();
  if (!dialogue) return null;
  return {
    id: dialogue.id,
    title: pickLocalized(dialogue.title, locale),
    when: formatTimeRangeInZone(dialogue.starts_at, dialogue.ends_at, locale, dialogue.time_zone),
    timeZone: dialogue.time_zone,
    state: dialogue.state,
    illustrative: dialogue.illustrative,
  };
}

/**
 * The facilitator's editor: every observation of the dialogue in the chair's order, numbered
 * (drafts included, merged duplicates apart), with what each button needs. Null for an unknown dialogue.
 */
export async function getEditorView(dialogueId: number, locale: Locale) {
  const dialogue = await getDialogueHeading(dialogueId, locale);
  if (!dialogue) return null;
  const [choices, rows] = await Promise.all([
    getFormChoices(dialogueId, locale),
    getDb()
      .selectFrom("dialogue_observation")
      .select(["id", "body", "status", "topics", "clusters", "articles", "stakeholder_kinds", "merged_into_id", "updated_at"])
      .where("dialogue_id", "=", dialogueId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  const titles = new Map(choices.topics.map((topic) => [topic.code, topic.title]));
  const live = rows.filter((row) => row.merged_into_id === null);
  const numberOf = new Map(live.map((row, index) => [row.id, index + 1]));
  return {
    dialogue,
    choices,
    observations: live.map((row, index) => ({
      id: row.id,
      number: index + 1,
      body: row.body,
      status: row.status,
      topics: row.topics.map((code) => titles.get(code) ?? code),
      clusters: row.clusters,
      articles: row.articles,
      stakeholderKinds: row.stakeholder_kinds,
      updated: formatDateTimeInZone(row.updated_at, locale, dialogue.timeZone),
      first: index === 0,
      last: index === live.length - 1,
    })),
    merged: rows
      .filter((row) => row.merged_into_id !== null)
      .map((row) => ({ id: row.id, body: row.body, intoNumber: numberOf.get(row.merged_into_id!) ?? null })),
    published: live.filter((row) => row.status === "published").length,
    drafts: live.filter((row) => row.status === "draft").length,
  };
}
export type EditorView = NonNullable<Awaited<ReturnType<typeof getEditorView>>>;

/** One observation, its form values, and its history, newest first. Null when it is not of this dialogue. */
export async function getObservationView(dialogueId: number, observationId: number, locale: Locale) {
  const dialogue = await getDialogueHeading(dialogueId, locale);
  if (!dialogue) return null;
  const observation = await getDb().selectFrom("dialogue_observation").selectAll().where("id", "=", observationId).where("dialogue_id", "=", dialogueId).executeTakeFirst();
  if (!observation) return null;
  const [choices, revisions, before] = await Promise.all([
    getFormChoices(dialogueId, locale),
    getDb()
      .selectFrom("dialogue_observation_revision as r")
      .leftJoin("app_user as u", "u.id", "r.edited_by")
      .select(["r.id", "r.body", "r.topics", "r.clusters", "r.articles", "r.stakeholder_kinds", "r.status", "r.note", "r.created_at", "u.display_name"])
      .where("r.observation_id", "=", observationId)
      .orderBy("r.id", "desc")
      .execute(),
    getDb()
      .selectFrom("dialogue_observation")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("dialogue_id", "=", dialogueId)
      .where("merged_into_id", "is", null)
      .where((eb) => eb.or([eb("position", "<", observation.position), eb.and([eb("position", "=", observation.position), eb("id", "<", observation.id)])]))
      .executeTakeFirstOrThrow(),
  ]);
  const titles = new Map(choices.topics.map((topic) => [topic.code, topic.title]));
  return {
    dialogue,
    choices,
    observation: {
      id: observation.id,
      number: observation.merged_into_id === null ? Number(before.count) + 1 : null,
      status: observation.status,
      merged: observation.merged_into_id !== null,
    },
    values: {
      body: observation.body,
      topics: observation.topics,
      clusters: observation.clusters,
      articles: observation.articles.join(", "),
      stakeholderKinds: observation.stakeholder_kinds,
    } satisfies ObservationFormValues,
    baseRevision: revisions[0]?.id ?? 0,
    revisions: revisions.map((revision) => ({
      id: revision.id,
      at: formatDateTimeInZone(revision.created_at, locale, dialogue.timeZone),
      by: revision.display_name,
      note: revision.note as RevisionNote,
      status: revision.status,
      body: revision.body,
      topics: revision.topics.map((code) => titles.get(code) ?? code),
      clusters: revision.clusters,
      articles: revision.articles,
      stakeholderKinds: revision.stakeholder_kinds,
    })),
  };
}
export type ObservationView = NonNullable<Awaited<ReturnType<typeof getObservationView>>>;

/** The signed-in facilitator's dialogues (the secretariat's: all), latest first, with their observation counts. */
export async function getFacilitatorView(user: Pick<SessionUser, "id" | "role">, locale: Locale) {
  let query = getDb()
    .selectFrom("dialogue as d")
    .select(["d.id", "d.title", "d.starts_at", "d.ends_at", "d.time_zone", "d.state", "d.illustrative"])
    .select([
      sql<number>`(select count(*) from dialogue_observation o where o.dialogue_id = d.id and o.merged_into_id is null and o.status = 'draft')`.as("drafts"),
      sql<number>`(select count(*) from dialogue_observation o where o.dialogue_id = d.id and o.merged_into_id is null and o.status = 'published')`.as("published"),
    ]);
  if (user.role !== "secretariat") {
    query = query.where((eb) => eb.exists(eb.selectFrom("dialogue_facilitator as f").select("f.user_id").whereRef("f.dialogue_id", "=", "d.id").where("f.user_id", "=", user.id)));
  }
  const rows = await query.orderBy("d.starts_at", "desc").execute();
  return {
    allDialogues: user.role === "secretariat",
    dialogues: rows.map((row) => ({
      id: row.id,
      title: pickLocalized(row.title, locale),
      when: formatTimeRangeInZone(row.starts_at, row.ends_at, locale, row.time_zone),
      state: row.state,
      illustrative: row.illustrative,
      drafts: Number(row.drafts),
      published: Number(row.published),
    })),
  };
}

const PER_PAGE = 50;

/** Published observations of public dialogues, numbered as in their dialogue's summary, filtered. */
function publicObservations(filters: Omit<ObservationQuery, "page">) {
  let query = getDb()
    .with("numbered", (db) =>
      db
        .selectFrom("dialogue_observation")
        .select(["id", "dialogue_id", "body", "topics", "clusters", "articles", "stakeholder_kinds", sql<number>`row_number() over (partition by dialogue_id order by position, id)`.as("number")])
        .where("status", "=", "published")
        .where("merged_into_id", "is", null),
    )
    .selectFrom("numbered as n")
    .innerJoin("dialogue as d", "d.id", "n.dialogue_id")
    .where("d.state", "in", [...PUBLIC_STATES]);
  if (filters.topic) query = query.where(sql<boolean>`n.topics @> array[${filters.topic}]::text[]`);
  if (filters.cluster) query = query.where(sql<boolean>`n.clusters @> array[${filters.cluster}]::text[]`);
  if (filters.article) query = query.where(sql<boolean>`n.articles @> array[${filters.article}]::text[]`);
  if (filters.year) query = query.where(sql<number>`extract(year from d.starts_at at time zone d.time_zone)`, "=", filters.year);
  return query;
}

async function listObservations(filters: Omit<ObservationQuery, "page">, locale: Locale, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    publicObservations(filters)
      .select(["n.id", "n.number", "n.body", "n.topics", "n.clusters", "n.articles", "n.stakeholder_kinds", "d.id as dialogue_id", "d.title", "d.starts_at", "d.time_zone", "d.state", "d.illustrative"])
      .orderBy("d.starts_at", "desc")
      .orderBy("n.number")
      .limit(limit)
      .offset(offset)
      .execute(),
    publicObservations(filters)
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow(),
  ]);
  const dialogueIds = [...new Set(rows.map((row) => row.dialogue_id))];
  const [topics, articleTitles, treaty] = await Promise.all([
    dialogueIds.length ? getDb().selectFrom("dialogue_topic").select(["dialogue_id", "code", "title"]).where("dialogue_id", "in", dialogueIds).execute() : [],
    getArticleTitles([...new Set(rows.flatMap((row) => row.articles))], locale),
    getTreatyLabels(locale),
  ]);
  const titles = new Map(topics.map((topic) => [`${topic.dialogue_id}:${topic.code}`, topicTitle(topic, locale)]));
  const clusterTitle = new Map(treaty.clusters.map((cluster) => [cluster.code, cluster.title]));
  return {
    total: Number(total.count),
    items: rows.map((row) => ({
      id: row.id,
      number: Number(row.number),
      body: row.body,
      dialogue: { id: row.dialogue_id, title: pickLocalized(row.title, locale), date: formatDay(row.starts_at, locale, row.time_zone), path: `/dialogues/${row.dialogue_id}` },
      summaryPath: row.state === "summary_published" ? `${summaryPath(row.dialogue_id)}#${observationAnchor(Number(row.number))}` : null,
      illustrative: row.illustrative,
      topics: row.topics.map((code) => ({ code, title: titles.get(`${row.dialogue_id}:${code}`) ?? code })),
      clusters: row.clusters.map((code) => ({ code, title: clusterTitle.get(code) ?? code })),
      articles: row.articles.map((ref) => ({ ref, title: articleTitles.get(ref) ?? "", path: `/articles/${ref.replace(":", "/")}` })),
      stakeholderKinds: row.stakeholder_kinds,
    })),
  };
}
export type PublicObservation = Awaited<ReturnType<typeof listObservations>>["items"][number];

/** /observations: the compilation of chairs' observations across dialogues, with its filters' choices. */
export async function getObservationsPage(query: ObservationQuery, locale: Locale) {
  const { page, ...filters } = query;
  const [list, topics, years, treaty] = await Promise.all([
    listObservations(filters, locale, PER_PAGE, (page - 1) * PER_PAGE),
    getDb()
      .selectFrom("dialogue_topic as t")
      .innerJoin("dialogue as d", "d.id", "t.dialogue_id")
      .select(["t.code", "t.title", "t.position"])
      .where("d.state", "in", [...PUBLIC_STATES])
      .orderBy("t.position")
      .orderBy("d.starts_at", "desc")
      .execute(),
    publicObservations({})
      .select(sql<number>`extract(year from d.starts_at at time zone d.time_zone)::int`.as("year"))
      .distinct()
      .execute(),
    getTreatyLabels(locale),
  ]);
  const topicChoices = [...new Map(topics.map((topic) => [topic.code, topicTitle(topic, locale)])).entries()].map(([code, title]) => ({ code, title }));
  return {
    query,
    ...list,
    page,
    pages: Math.max(1, Math.ceil(list.total / PER_PAGE)),
    choices: { topics: topicChoices, clusters: treaty.clusters, years: years.map((row) => Number(row.year)).sort((a, b) => b - a) },
    illustrative: list.items.some((item) => item.illustrative),
  };
}
export type ObservationsPage = Awaited<ReturnType<typeof getObservationsPage>>;

/** The published observations that concern an article (`untoc:5`), latest dialogue first. */
export async function listObservationsForArticle(ref: string, locale: Locale, limit = 20) {
  return (await listObservations({ article: ref }, locale, limit, 0)).items;
}
