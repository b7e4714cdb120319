/**
 * The chair's summary of a dialogue: its published observations numbered 1..N under the agenda's
 * topics, with the participation figures. Editors see it as a preview until it is published;
 * publishing it makes it public, files it in the library and indexes each observation.
 */
import { notifyDialogueFollowers } from "~/modules/hub/follows.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { sendJob } from "~/modules/jobs/jobs.server";
import { syncSearchOutbox } from "~/modules/search/index.server";
import { getArticleTitles, getTreatyLabels } from "~/modules/treaty/treaty.server";
import { getDb } from "~/utils/db.server";
import { formatDay, formatTimeRangeInZone } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { pickLocalized } from "~/utils/format";
import { groupUnderTopics, listAgenda, listNumberedObservations, observationAnchor, summaryResourceSlug, topicTitle, writeSummaryArtifacts } from "./observation-documents.server";
import { findDialogue, getParticipation } from "./queries.server";

export class SummaryError extends Error {
  constructor(readonly key: "notFound" | "notHeld" | "alreadyPublished") {
    super(key);
  }
}

/**
 * The summary as the page and the PDF show it, or null when the dialogue does not exist or its
 * summary is not published and the viewer may not edit it.
 */
export async function getSummaryView(dialogueId: number, locale: Locale, viewer: Pick<SessionUser, "id" | "role"> | null) {
  const found = await findDialogue(dialogueId, viewer);
  if (!found) return null;
  const { dialogue, canEdit } = found;
  const published = dialogue.state === "summary_published";
  if (!published && !canEdit) return null;
  const [agenda, observations, participation, treaty, drafts] = await Promise.all([
    listAgenda(dialogueId),
    listNumberedObservations(dialogueId),
    getParticipation(dialogueId),
    getTreatyLabels(locale),
    canEdit
      ? getDb()
          .selectFrom("dialogue_observation")
          .select((eb) => eb.fn.countAll<number>().as("count"))
          .where("dialogue_id", "=", dialogueId)
          .where("status", "=", "draft")
          .where("merged_into_id", "is", null)
          .executeTakeFirstOrThrow()
      : { count: 0 },
  ]);
  const articleTitles = await getArticleTitles([...new Set(observations.flatMap((observation) => observation.articles))], locale);
  const clusterTitle = new Map(treaty.clusters.map((cluster) => [cluster.code, cluster.title]));
  return {
    id: dialogue.id,
    title: pickLocalized(dialogue.title, locale),
    session: pickLocalized(dialogue.session_title, locale),
    when: formatTimeRangeInZone(dialogue.starts_at, dialogue.ends_at, locale, dialogue.time_zone),
    venue: dialogue.venue,
    format: dialogue.format,
    state: dialogue.state,
    illustrative: dialogue.illustrative,
    published,
    publishedOn: dialogue.summary_published_at ? formatDay(dialogue.summary_published_at, locale) : null,
    resourceSlug: published ? summaryResourceSlug(dialogue) : null,
    canEdit,
    canPublish: canEdit && dialogue.state === "held",
    drafts: Number(drafts.count),
    participation,
    total: observations.length,
    sections: groupUnderTopics(observations, agenda).map((section) => ({
      code: section.topic?.code ?? null,
      title: section.topic ? topicTitle(section.topic, locale) : null,
      observations: section.observations.map((observation) => ({
        number: observation.number,
        anchor: observationAnchor(observation.number),
        body: observation.body,
        clusters: observation.clusters.map((code) => ({ code, title: clusterTitle.get(code) ?? code })),
        articles: observation.articles.map((ref) => ({ ref, title: articleTitles.get(ref) ?? "", path: `/articles/${ref.replace(":", "/")}` })),
        stakeholderKinds: observation.stakeholder_kinds,
      })),
    })),
  };
}
export type SummaryView = NonNullable<Awaited<ReturnType<typeof getSummaryView>>>;

/**
 * Publishes the summary of a held dialogue: its state, the date, the audit entry, the library
 * resource and the observations' search documents, all in one transaction. The search engine is
 * told after commit: through the job queue (`"queue"`), or directly (`"now"`, for the seed,
 * which runs without workers).
 */
export async function publishSummary(dialogueId: number, actorId: string | null, options: { syncSearch: "queue" | "now" } = { syncSearch: "queue" }) {
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const dialogue = await trx.selectFrom("dialogue").select(["id", "state"]).where("id", "=", dialogueId).forUpdate().executeTakeFirst();
      if (!dialogue) throw new SummaryError("notFound");
      if (dialogue.state === "summary_published") throw new SummaryError("alreadyPublished");
      if (dialogue.state !== "held") throw new SummaryError("notHeld");
      const now = new Date();
      await trx.updateTable("dialogue").set({ state: "summary_published", summary_published_at: now, updated_at: now }).where("id", "=", dialogueId).execute();
      const observations = await listNumberedObservations(dialogueId, trx);
      await recordAudit(trx, { actorId, action: "dialogue.summary_publish", entityType: "dialogue", entityId: String(dialogueId), details: { observations: observations.length } });
      await writeSummaryArtifacts(trx, dialogueId);
      await notifyDialogueFollowers(trx, dialogueId, "summary_published");
    });
  await afterCommit(options.syncSearch);
}

async function afterCommit(syncSearch: "queue" | "now") {
  if (syncSearch === "now") await syncSearchOutbox().catch((error) => console.warn(`Search index not updated now (${String(error)}); the outbox will catch up.`));
  else await sendJob("search.sync").catch((error) => console.error("[summary] could not queue search.sync:", String(error)));
}

/** Rewrites a published summary's library resource and search documents from its observations now (a no-op before publication). */
export async function refreshSummary(dialogueId: number, options: { syncSearch: "queue" | "now" } = { syncSearch: "queue" }) {
  const written = await getDb()
    .transaction()
    .execute((trx) => writeSummaryArtifacts(trx, dialogueId));
  if (written) await afterCommit(options.syncSearch);
}
