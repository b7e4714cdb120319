/**
 * What a country profile borrows from the library and the courses, through the search module:
 * the published documents of the country's review, and what fits the stage its review is in.
 */
import { searchContent, type SearchHit } from "~/modules/search/search.server";
import { readTreatyFile } from "~/modules/treaty/treaty.server";
import type { Locale } from "~/utils/i18n";
import { pickLocalized } from "~/utils/format";
import type { Stage } from "~/modules/treaty/vocabulary";

export type LinkedItem = { id: string; kind: string; type: string; title: string; summary: string; path: string };

const plain = (segments: SearchHit["title"]) => segments.map((segment) => segment.text).join("");
const toItem = (hit: SearchHit): LinkedItem => ({ id: hit.id, kind: hit.kind, type: hit.type, title: plain(hit.title), summary: plain(hit.snippet), path: hit.path });

let treatyCache: Awaited<ReturnType<typeof readTreatyFile>> | undefined;

/** The treaty's text about a stage (what it is, what stakeholders can do) and a cluster's title. */
export async function getStageGuidance(stage: Stage, cluster: string, locale: Locale) {
  treatyCache ??= await readTreatyFile();
  const entry = treatyCache.stages.find((candidate) => candidate.code === stage);
  const clusterEntry = treatyCache.clusters.find((candidate) => candidate.code === cluster);
  return {
    stageTitle: pickLocalized(entry?.title, locale),
    description: pickLocalized(entry?.description, locale),
    whatStakeholdersCanDo: pickLocalized(entry?.whatStakeholdersCanDo, locale),
    clusterTitle: pickLocalized(clusterEntry?.title, locale),
  };
}

/** Library resources and courses tagged with the review's current stage and cluster. */
export async function findWhatFitsNow(input: { stage: Stage; cluster: string; locale: Locale }): Promise<LinkedItem[]> {
  const result = await searchContent({
    locale: input.locale,
    filters: { kind: ["resource", "course"], stage: [input.stage], cluster: [input.cluster] },
    perPage: 8,
  });
  return result.hits.map(toItem);
}

/** The country's published SAQ answers and lists of observations. */
export async function findCountryDocuments(input: { country: string; locale: Locale }): Promise<LinkedItem[]> {
  const result = await searchContent({
    locale: input.locale,
    filters: { kind: ["resource"], type: ["saq_response", "list_of_observations"], country: [input.country] },
    perPage: 10,
  });
  return result.hits.map(toItem);
}
