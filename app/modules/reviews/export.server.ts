import { loadStatus } from "./queries.server";
import { writeStatusFiles, STATUS_FILES } from "./status-files.server";

export type ExportFile = (typeof STATUS_FILES)[number];

/**
 * One of the three status files, exactly as the import reads them, so that an export imported
 * again changes nothing. Focal-point names and e-mails are included for the secretariat only.
 */
export async function exportStatusFile(file: ExportFile, options: { includeContacts: boolean }) {
  const status = await loadStatus();
  return writeStatusFiles(status, options)[file];
}

export function isExportFile(name: string): name is ExportFile {
  return (STATUS_FILES as readonly string[]).includes(name);
}
