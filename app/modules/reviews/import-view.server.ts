/** The secretariat's import page (/admin/reviews/import) as one display-ready view. */
import { formatDateTime } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { getImport, listImports } from "./import.server";

/** The recent imports, and the one asked for (`selectedId`) with its report, dates formatted. */
export async function getImportPageView(selectedId: number | null, locale: Locale) {
  const [imports, selected] = await Promise.all([listImports(), selectedId ? getImport(selectedId) : undefined]);
  const changes = selected?.report.changes;
  return {
    imports: imports.map((row) => ({
      id: row.id,
      created: formatDateTime(row.created_at, locale),
      createdBy: row.createdBy,
      source: row.source,
      problemCount: row.problem_count,
      state: row.applied_at ? ("applied" as const) : row.problem_count ? ("rejected" as const) : ("checked" as const),
    })),
    selected: selected
      ? {
          id: selected.id,
          description: selected.description,
          illustrative: selected.illustrative,
          appliedOn: selected.applied_at ? formatDateTime(selected.applied_at, locale) : null,
          report: selected.report,
          problemCount: selected.problem_count,
          /** Every changed field of a party or a review, one row each. */
          fieldChanges: changes
            ? [...changes.parties.changed.map((change) => ({ item: change.code, fields: change.fields })), ...changes.reviews.changed.map((change) => ({ item: change.key, fields: change.fields }))].flatMap((change) =>
                change.fields.map((field) => ({ item: change.item, field: field.field, from: field.from, to: field.to })),
              )
            : [],
        }
      : null,
  };
}

export type ImportPageView = Awaited<ReturnType<typeof getImportPageView>>;
