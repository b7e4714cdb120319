/** The secretariat's import page (/admin/reviews/import) as one display-ready view, and its forms as one workflow. */
import { formatDateTime } from "~/utils/format";
import { parseForm, toFormData, type FieldErrors, type FormOutcome } from "~/utils/forms.server";
import { localePath, type Locale } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { applyImport, createImport, getImport, listImports } from "./import.server";
import { ApplyImportForm, ImportOptionsForm } from "./reviews.schema.server";
import { readUploadedFiles } from "./upload.server";

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

/**
 * The import page's two forms: an upload (multipart: the status files and their options) is
 * checked and stored as a pending import to look at; an apply applies a pending one.
 */
export async function submitImportForm(request: Request, actorId: string): Promise<FormOutcome> {
  const here = localePath(getRequestLocale(request), "/admin/reviews/import");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUploadedFiles(request);
    if ("error" in upload) return { kind: "reply", status: 400, body: { formError: { key: `reviews:import.upload.${upload.error}` } } };
    const options = parseForm(toFormData({ asOf: "", description: "", ...upload.fields }), ImportOptionsForm);
    if (!options.ok) {
      const errors: FieldErrors = { ...options.errors, ...(options.errors.asOf ? { asOf: { key: "reviews:import.badAsOf" } } : {}) };
      return { kind: "reply", status: 400, body: { errors, values: options.values } };
    }
    const { asOf, description, illustrative } = options.data;
    const { id } = await createImport({ files: upload.files, asOf, actorId, source: "upload", provenance: { description, illustrative } });
    return { kind: "redirect", to: `${here}?id=${id}` };
  }
  const form = parseForm(await request.formData(), ApplyImportForm);
  if (!form.ok) return { kind: "reply", status: 400, body: { formError: { key: "errors.badRequestBody" } } };
  const outcome = await applyImport(form.data.importId, actorId);
  if (!outcome.ok) {
    if (outcome.reason === "notFound") return { kind: "notFound" };
    return { kind: "reply", status: 409, body: { formError: { key: `reviews:import.refused.${outcome.reason}` } } };
  }
  return { kind: "redirect", to: `${here}?id=${form.data.importId}&applied=1` };
}
