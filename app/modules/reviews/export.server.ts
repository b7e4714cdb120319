import { noticeLines } from "~/modules/provenance/provenance.server";
import type { Locale } from "~/utils/i18n";
import { getReviewsNotice, loadStatus } from "./queries.server";
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
