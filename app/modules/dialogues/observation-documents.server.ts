/**
 * What a published chair's summary puts into the rest of the platform: the numbered observations,
 * grouped under the agenda's topics; a resource of type `chairs_summary` in the library; and one
 * search document per observation (kind `observation`). `writeSummaryArtifacts` rewrites both in
 * the caller's transaction whenever the summary or one of its observations changes.
 */
import type { ResourceInput } from "~/modules/library/library.schema.server";
import { upsertResource } from "~/modules/library/mutations.server";
import type { SearchDocument } from "~/modules/search/documents";
import { replaceSearchDocuments } from "~/modules/search/index.server";
import { getDb, type Executor } from "~/utils/db.server";
import { LOCALES, localePath, type Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { pickLocalized, type LocalizedText } from "~/utils/format";
import { resources } from "~/locales";
import { getParticipation, type Participation } from "./queries.server";
import { isStandardTopic } from "./vocabulary";

export const observationItemId = (id: number) => `observation:${id}`;
export const summaryResourceSlug = (dialogue: { id: number; session_code: string }) => `chairs-summary-${dialogue.session_code}-${dialogue.id}`;
export const summaryPath = (dialogueId: number) => `/dialogues/${dialogueId}/summary`;
export const observationAnchor = (number: number) => `observation-${number}`;

export type NumberedObservation = {
  id: number;
  number: number;
  body: string;
  topics: string[];
  clusters: string[];
  articles: string[];
  stakeholder_kinds: string[];
};

export type AgendaRow = { code: string; position: number; title: LocalizedText };

/** An agenda topic's title: the paper's standard topics in the reader's language, others as written. */
export function topicTitle(topic: { code: string; title: LocalizedText }, locale: Locale): string {
  const standard = isStandardTopic(topic.code) ? (resources[locale].dialogues as { topics?: Record<string, string> }).topics?.[topic.code] : undefined;
  return standard ?? (pickLocalized(topic.title, locale) || topic.code);
}

/**
 * The published observations of a dialogue that are not merged into another, in the chair's
 * order, numbered 1..N: the numbers the summary, the search and the observation list all show.
 */
export async function listNumberedObservations(dialogueId: number, executor: Executor = getDb()): Promise<NumberedObservation[]> {
  const rows = await executor
    .selectFrom("dialogue_observation")
    .select(["id", "body", "topics", "clusters", "articles", "stakeholder_kinds"])
    .where("dialogue_id", "=", dialogueId)
    .where("status", "=", "published")
    .where("merged_into_id", "is", null)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((row, index) => ({ ...row, id: Number(row.id), number: index + 1 }));
}

export async function listAgenda(dialogueId: number, executor: Executor = getDb()): Promise<AgendaRow[]> {
  return executor.selectFrom("dialogue_topic").select(["code", "position", "title"]).where("dialogue_id", "=", dialogueId).orderBy("position").execute();
}

/**
 * Sections of the summary: each agenda topic (in agenda order) with the observations whose first
 * topic it is, then those under no agenda topic. An observation appears once; its number stays.
 */
export function groupUnderTopics<T extends { topics: string[] }>(observations: T[], agenda: AgendaRow[]): Array<{ topic: AgendaRow | null; observations: T[] }> {
  const order = new Map(agenda.map((topic, index) => [topic.code, index]));
  const primary = (observation: T) =>
    observation.topics
      .filter((code) => order.has(code))
      .sort((a, b) => order.get(a)! - order.get(b)!)[0];
  const sections = agenda.map((topic) => ({ topic: topic as AgendaRow | null, observations: observations.filter((observation) => primary(observation) === topic.code) }));
  sections.push({ topic: null, observations: observations.filter((observation) => primary(observation) === undefined) });
  return sections.filter((section) => section.observations.length > 0);
}

type DialogueRow = { id: number; title: LocalizedText; session_code: string; starts_at: Date; illustrative: boolean; summary_published_at: Date | null };

/** Observation text is the facilitator's own: shown as typed, never read as Markdown. */
function escapeMarkdown(text: string) {
  return text
    .replace(/([\\`*_[\]<>|~#])/g, "\\$1")
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, (_match, space: string, marker: string, after: string) => `${space}${marker.replace(/([-+.)])/, "\\$1")}${after}`);
}

function instrumentsOf(articles: string[]) {
  const instruments = [...new Set(articles.map((ref) => ref.split(":")[0]!))];
  return instruments.length ? instruments : ["untoc"];
}

async function summaryEdition(locale: Locale, dialogue: DialogueRow, agenda: AgendaRow[], observations: NumberedObservation[], participation: Participation) {
  const t = await getFixedT(locale, "observations");
  const common = await getFixedT(locale, "common");
  const title = pickLocalized(dialogue.title, locale);
  const lines: string[] = [];
  lines.push(t("document.summaryLink", { url: localePath(locale, summaryPath(dialogue.id)) }), "");
  if (dialogue.illustrative) lines.push(`*${t("summary.illustrative")}*`, "");
  lines.push(`## ${t("summary.participation")}`, "");
  const kinds = Object.entries(participation.organizations).filter(([, count]) => count > 0);
  for (const [kind, count] of kinds) lines.push(`- ${common(`organizationKinds.${kind}`)}: ${count}`);
  lines.push(`- ${t("summary.states")}: ${participation.states}`, "");
  // The observations are recorded in English (decision 21): only the English edition carries their
  // text, so another language's edition never claims, in search, to be written in that language.
  if (locale !== "en" && observations.length) lines.push(t("document.observationsInEnglish"), "");
  for (const section of groupUnderTopics(observations, agenda)) {
    lines.push(`## ${section.topic ? topicTitle(section.topic, locale) : t("summary.otherTopics")}`, "");
    if (locale === "en") for (const observation of section.observations) lines.push(`${observation.number}\\. ${escapeMarkdown(observation.body).replace(/\n+/g, " ")}`, "");
    else lines.push(t("document.observationNumbers", { numbers: section.observations.map((observation) => observation.number).join(", ") }), "");
  }
  return {
    locale,
    title: t("document.resourceTitle", { title }),
    summary: t("document.resourceSummary", { title }),
    body: lines.join("\n"),
    externalUrl: null,
    file: null,
  };
}

/** The chair's summary as a library resource, with an edition in each language the dialogue has a title in. */
export async function buildSummaryResource(dialogue: DialogueRow, agenda: AgendaRow[], observations: NumberedObservation[], participation: Participation): Promise<ResourceInput> {
  const locales = LOCALES.filter((locale) => dialogue.title[locale]);
  const articles = [...new Set(observations.flatMap((observation) => observation.articles))].sort();
  return {
    slug: summaryResourceSlug(dialogue),
    type: "chairs_summary",
    publishedOn: (dialogue.summary_published_at ?? new Date()).toISOString().slice(0, 10),
    publishedPrecision: "day",
    // The day the facilitators published it on this platform: the platform is its source.
    dateSource: "Published on Agora by the dialogue's facilitators",
    illustrative: dialogue.illustrative,
    issuingBody: "Chair of the constructive dialogue",
    symbol: null,
    country: null,
    supersedesSlug: null,
    status: "published",
    tags: {
      instruments: instrumentsOf(articles) as ResourceInput["tags"]["instruments"],
      articles,
      clusters: [...new Set(observations.flatMap((observation) => observation.clusters))].sort() as ResourceInput["tags"]["clusters"],
      stages: [],
      audiences: ["ngo", "academia", "private_sector", "government"],
    },
    editions: await Promise.all(locales.map((locale) => summaryEdition(locale, dialogue, agenda, observations, participation))),
  };
}

/**
 * One search document per published observation. Observations are recorded in the language the
 * dialogue is held in — without interpretation, English — so each is one English document;
 * readers of other languages find it through the search's fallback to English.
 */
export async function buildObservationDocuments(dialogue: DialogueRow, agenda: AgendaRow[], observations: NumberedObservation[]): Promise<SearchDocument[]> {
  const t = await getFixedT("en", "observations");
  const title = pickLocalized(dialogue.title, "en");
  const year = dialogue.starts_at.getUTCFullYear();
  const titles = new Map(agenda.map((topic) => [topic.code, topicTitle(topic, "en")]));
  return observations.map((observation) => ({
    id: `${observationItemId(observation.id)}:en`,
    kind: "observation",
    itemId: observationItemId(observation.id),
    locale: "en",
    title: t("document.observationTitle", { number: observation.number, title }),
    summary: observation.topics.map((code) => titles.get(code)).filter(Boolean).join(" · "),
    body: observation.body,
    path: `${summaryPath(dialogue.id)}#${observationAnchor(observation.number)}`,
    type: "observation",
    instruments: instrumentsOf(observation.articles),
    articles: observation.articles,
    clusters: observation.clusters,
    stages: [],
    audiences: [],
    country: null,
    year,
  }));
}

/**
 * When the dialogue's summary is published, rewrites its library resource and its observations'
 * search documents to match the observations now; otherwise does nothing. Returns whether it
 * wrote, so the caller knows to queue `search.sync` after commit.
 */
export async function writeSummaryArtifacts(trx: Executor, dialogueId: number): Promise<boolean> {
  const dialogue = await trx
    .selectFrom("dialogue")
    .select(["id", "title", "session_code", "starts_at", "illustrative", "summary_published_at", "state"])
    .where("id", "=", dialogueId)
    .executeTakeFirst();
  if (!dialogue || dialogue.state !== "summary_published") return false;
  const [agenda, observations, participation, all] = await Promise.all([
    listAgenda(dialogueId, trx),
    listNumberedObservations(dialogueId, trx),
    getParticipation(dialogueId, trx),
    trx.selectFrom("dialogue_observation").select("id").where("dialogue_id", "=", dialogueId).execute(),
  ]);
  await upsertResource(trx, await buildSummaryResource(dialogue, agenda, observations, participation), "admin");
  await replaceSearchDocuments(
    trx,
    all.map((row) => observationItemId(Number(row.id))),
    await buildObservationDocuments(dialogue, agenda, observations),
  );
  return true;
}
