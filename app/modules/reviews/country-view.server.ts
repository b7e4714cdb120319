/**
 * The country profile page as one display-ready view: the profile from the review data, each
 * review's timeline worked out from its stage and dates, the history's values in the reader's
 * language, and the linked content (what fits the current stage, documents, dialogues).
 */
import { listUpcomingDialogues } from "~/modules/dialogues/queries.server";
import { STAGES, type Stage } from "~/modules/treaty/vocabulary";
import { formatCalendarDate, formatNumber, languageName } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { getLogger } from "~/utils/log.server";
import { findCountryDocuments, findWhatFitsNow, getStageGuidance, type LinkedItem } from "./fits-now.server";
import { getCountryProfile } from "./queries.server";
import { PROTOCOLS } from "./vocabulary";

/** The date that closes each step of a review, if any. */
const STEP_DATE: Record<Stage, "initial_consultation_on" | "saq_submitted_on" | "feedback_submitted_on" | "observations_final_on" | null> = {
  focal_points: null,
  initial_consultation: "initial_consultation_on",
  saq: "saq_submitted_on",
  written_feedback: "feedback_submitted_on",
  list_of_observations: "observations_final_on",
  completed: "observations_final_on",
};

/** A step of a review's timeline: done (on a date, when known), the current one, or still to come. */
export type TimelineStep = { stage: Stage; state: "done" | "current" | "pending"; doneOn: string | null };

/** A value of the history table: text to show as is, or a translation key (a stage, a kind of change). */
export type HistoryValue = { text: string } | { key: string };

type Profile = NonNullable<Awaited<ReturnType<typeof getCountryProfile>>>;
type Review = Profile["reviews"][number];

/** The steps of a review in order, each marked done, current or pending, with the date that closed it. */
export function reviewTimeline(review: Pick<Review, "stage" | (typeof STEP_DATE)[Stage] & string>, locale: string): TimelineStep[] {
  const currentIndex = STAGES.indexOf(review.stage);
  return STAGES.map((stage, index) => {
    const dateField = STEP_DATE[stage];
    const date = dateField ? review[dateField] : null;
    const done = index < currentIndex || (stage === "completed" && review.stage === "completed");
    const current = stage === review.stage && stage !== "completed";
    return { stage, state: done ? "done" : current ? "current" : "pending", doneOn: done && date && stage !== "focal_points" ? formatCalendarDate(date, locale) : null };
  });
}

const languageList = (codes: string[], locale: string) => codes.map((code) => languageName(code, locale)).join(", ");

/** A value of the review history as the page shows it: dates and languages formatted, stages and kinds of change as translation keys. */
export function historyValue(field: string, value: string | null, locale: string): HistoryValue {
  if (value === null) return { text: "—" };
  if (field === "stage") return { key: `stages.${value}` };
  if (field.endsWith("_on")) return { text: formatCalendarDate(value, locale) };
  if (field === "review") return { key: `country.history.review.${value}` };
  if (field === "languages") return { text: value ? languageList(value.split(";"), locale) : "—" };
  return { text: value };
}

/** Other areas' content must not take the profile down: on failure the section shows its empty state (and the failure is logged). */
async function orEmpty(what: string, load: () => Promise<LinkedItem[]>) {
  try {
    return await load();
  } catch (error) {
    getLogger().error({ err: error }, `[reviews] ${what} unavailable on a country profile`);
    return [];
  }
}

/** Everything the country profile page shows, or null for an unknown code. */
export async function getCountryPageView(code: string, locale: Locale, userId: string | null) {
  const profile = await getCountryProfile(code, locale, userId);
  if (!profile) return null;
  // The review in the latest cluster is the one "now" refers to.
  const current = profile.reviews.at(-1) ?? null;
  const [guidance, fitsNow, documents, dialogues] = await Promise.all([
    current ? getStageGuidance(current.stage, current.cluster, locale) : null,
    current ? orEmpty("what fits the current stage", () => findWhatFitsNow({ stage: current.stage, cluster: current.cluster, locale })) : [],
    orEmpty("country documents", () => findCountryDocuments({ country: code, locale })),
    listUpcomingDialogues(locale, 3),
  ]);
  return {
    code: profile.code,
    name: profile.name,
    notice: profile.notice,
    kind: profile.kind,
    group: profile.group,
    joinedOn: formatCalendarDate(profile.joinedOn, locale),
    focalPointDesignated: profile.focalPointDesignated,
    experts: { total: profile.experts.women + profile.experts.men, women: profile.experts.women, men: profile.experts.men },
    observers: profile.observers,
    pilotInitiative: profile.pilotInitiative,
    redraws: formatNumber(profile.redraws, locale),
    following: profile.following,
    protocols: PROTOCOLS.map((protocol) => ({ protocol, partySince: profile.protocols[protocol] ? formatCalendarDate(profile.protocols[protocol], locale) : null })),
    reviews: profile.reviews.map((review) => ({
      cluster: review.cluster,
      stage: review.stage,
      reviewers: [review.parties[1]!, review.parties[2]!].map((party) => ({ code: party.code, name: party.name })),
      languages: review.languages.length ? languageList(review.languages, locale) : null,
      focalPoints: review.parties.map((party) => ({ code: party.code, name: party.name, designated: party.focalPoint })),
      timeline: reviewTimeline(review, locale),
    })),
    reviewing: profile.reviewing.map((review) => ({ code: review.state_under_review, name: review.name, cluster: review.cluster, stage: review.stage })),
    history: profile.history.map((entry) => ({
      when: formatCalendarDate(entry.changed_at.slice(0, 10), locale),
      cluster: entry.cluster,
      field: entry.field,
      from: historyValue(entry.field, entry.old_value, locale),
      to: historyValue(entry.field, entry.new_value, locale),
    })),
    current: current && guidance ? { cluster: current.cluster, guidance, fitsNow } : null,
    documents,
    dialogues,
  };
}

export type CountryPageView = NonNullable<Awaited<ReturnType<typeof getCountryPageView>>>;
