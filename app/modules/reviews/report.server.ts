import { getFixedT } from "~/utils/i18n.server";
import type { Locale } from "~/utils/i18n";
import type { ImportReport } from "./import.server";

/** A dry-run report as plain text, for the command line. */
export async function formatReport(report: ImportReport, locale: Locale = "en") {
  const t = await getFixedT(locale, "reviews");
  const lines: string[] = [];
  if (report.problems.length) {
    lines.push(t("import.problemsTitle", { count: report.problems.length }));
    for (const problem of report.problems) {
      const where = [problem.file, problem.line ?? "", problem.column ?? ""].filter((part) => part !== "").join(":");
      lines.push(`  ${where}  ${t(`import.problems.${problem.code}`, { ...problem.values, column: problem.column ?? "" })}`);
    }
  }
  if (report.changes && report.totals) {
    const { changes, totals } = report;
    lines.push(t("import.totals", totals));
    lines.push(`  ${t("import.partiesChanges", { added: changes.parties.added.length, removed: changes.parties.removed.length, changed: changes.parties.changed.length })}`);
    lines.push(`  ${t("import.detailsChanges", { count: changes.details.changed.length })}`);
    lines.push(`  ${t("import.reviewsChanges", { added: changes.reviews.added.length, removed: changes.reviews.removed.length, changed: changes.reviews.changed.length })}`);
    lines.push(`  ${t("import.focalPointChanges", { count: changes.focalPoints.changed.length })}`);
    lines.push(`  ${t("import.stageChanges", { count: changes.stages.length })}`);
    for (const change of changes.reviews.changed.slice(0, 50)) {
      lines.push(`    ${change.key}: ${change.fields.map((field) => `${field.field} ${field.from ?? "—"} → ${field.to ?? "—"}`).join(", ")}`);
    }
  }
  return lines.join("\n");
}
