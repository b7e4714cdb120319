import { noticeJson, noticeLines } from "~/modules/provenance/provenance.server";
import { toCsv } from "~/utils/csv.server";
import type { Locale } from "~/utils/i18n";
import { getReviewsNotice, getReviewStats, listReviews, loadStatus } from "./queries.server";
import type { ReviewListQuery } from "./reviews.schema.server";
import { writeStatusFiles, STATUS_FILES } from "./status-files.server";

export type ExportFile = (typeof STATUS_FILES)[number];

/**
 * One of the three status files, exactly as the import reads them, so that an export imported
 * again changes nothing. Focal-point names and e-mails are included for the secretariat only.
 * Illustrative data open with comment lines saying so (the import skips them).
 */
export async function exportStatusFile(file: ExportFile, options: { includeContacts: boolean; locale: Locale }) {
  const [status, notice] = await Promise.all([loadStatus(), getReviewsNotice(options.locale)]);
  return (await noticeLines(notice, options.locale)) + writeStatusFiles(status, options)[file];
}

export function isExportFile(name: string): name is ExportFile {
  return (STATUS_FILES as readonly string[]).includes(name);
}

const LIST_COLUMNS = ["cluster", "state_under_review", "name", "group", "stage", "reviewer_1", "reviewer_2", "languages", "initial_consultation_on", "saq_submitted_on", "feedback_submitted_on", "observations_final_on"];

/** The review list as CSV, every page of it, with the filters and sort of /reviews/list. Illustrative data say so in the file itself, above the header. */
export async function getReviewListCsv(query: ReviewListQuery, locale: Locale) {
  const { items, notice } = await listReviews({ ...query, page: undefined }, locale);
  const rows = items.map((item) => ({
    cluster: item.cluster,
    state_under_review: item.state_under_review,
    name: item.name,
    group: item.group ?? "",
    stage: item.stage,
    reviewer_1: item.reviewer_1,
    reviewer_2: item.reviewer_2,
    languages: item.languages.join(";"),
    initial_consultation_on: item.initial_consultation_on ?? "",
    saq_submitted_on: item.saq_submitted_on ?? "",
    feedback_submitted_on: item.feedback_submitted_on ?? "",
    observations_final_on: item.observations_final_on ?? "",
  }));
  return (await noticeLines(notice, locale)) + toCsv(rows, { header: true, columns: LIST_COLUMNS });
}

/** The review-status figures as open data, with `dataSource` saying whether they are illustrative. */
export async function getReviewStatsOpenData(locale: Locale) {
  const [stats, notice] = await Promise.all([getReviewStats(), getReviewsNotice(locale)]);
  return { dataSource: await noticeJson(notice, locale), ...stats };
}
