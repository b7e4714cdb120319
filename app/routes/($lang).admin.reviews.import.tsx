import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, Notice, TextField } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { applyImport, createImport, getImport, listImports, type ImportReport } from "~/modules/reviews/import.server";
import { ApplyImportForm, ImportOptionsForm } from "~/modules/reviews/reviews.schema.server";
import { readUploadedFiles } from "~/modules/reviews/upload.server";
import { UPLOAD_FIELDS } from "~/modules/reviews/vocabulary";
import { parseForm, toFormData, type FieldError, type FieldErrors } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { formatDateTime } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const url = new URL(request.url);
  const id = Number(url.searchParams.get("id"));
  const selected = Number.isInteger(id) && id > 0 ? await getImport(id) : undefined;
  return {
    imports: (await listImports()).map((row) => ({ ...row, created_at: row.created_at.toISOString(), applied_at: row.applied_at?.toISOString() ?? null })),
    selected: selected
      ? { id: selected.id, asOf: selected.as_of, source: selected.source, description: selected.description, illustrative: selected.illustrative, appliedAt: selected.applied_at?.toISOString() ?? null, report: selected.report, problemCount: selected.problem_count }
      : null,
    applied: url.searchParams.get("applied") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const locale = getRequestLocale(request);
  const here = localePath(locale, "/admin/reviews/import");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUploadedFiles(request);
    if ("error" in upload) return data({ formError: { key: `reviews:import.upload.${upload.error}` } as FieldError }, { status: 400 });
    const options = parseForm(toFormData({ asOf: "", description: "", ...upload.fields }), ImportOptionsForm);
    if (!options.ok) {
      const errors: FieldErrors = { ...options.errors, ...(options.errors.asOf ? { asOf: { key: "reviews:import.badAsOf" } } : {}) };
      return data({ errors, values: options.values }, { status: 400 });
    }
    const { asOf, description, illustrative } = options.data;
    const { id } = await createImport({ files: upload.files, asOf, actorId: user.id, source: "upload", provenance: { description, illustrative } });
    return redirect(`${here}?id=${id}`);
  }
  const form = parseForm(await request.formData(), ApplyImportForm);
  if (!form.ok) return data({ formError: { key: "errors.badRequestBody" } as FieldError }, { status: 400 });
  const outcome = await applyImport(form.data.importId, user.id);
  if (!outcome.ok) {
    if (outcome.reason === "notFound") throw new Response("Not found", { status: 404 });
    return data({ formError: { key: `reviews:import.refused.${outcome.reason}` } as FieldError }, { status: 409 });
  }
  return redirect(`${here}?id=${form.data.importId}&applied=1`);
}

function ProblemTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation("reviews");
  return (
    <ScrollableTable label={t("import.problemsTitle", { count: report.problems.length })}>
      <table>
        <caption>{t("import.problemsTitle", { count: report.problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("import.file")}</th>
            <th scope="col">{t("import.line")}</th>
            <th scope="col">{t("import.column")}</th>
            <th scope="col">{t("import.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {report.problems.map((problem, index) => (
            <tr key={index}>
              <td>{problem.file}</td>
              <td className="numeric">{problem.line ?? "—"}</td>
              <td>{problem.column ?? "—"}</td>
              <td>{t(`import.problems.${problem.code}`, { ...problem.values, column: problem.column ?? "" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function ChangeSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation("reviews");
  const { changes, totals } = report;
  if (!changes || !totals) return null;
  const stageLabel = (stage: string | null) => (stage ? t(`stages.${stage}`) : t("import.newReview"));
  return (
    <>
      <p>{t("import.totals", totals)}</p>
      {report.changeCount === 0 ? <p>{t("import.noChanges")}</p> : null}
      <ul>
        <li>{t("import.partiesChanges", { added: changes.parties.added.length, removed: changes.parties.removed.length, changed: changes.parties.changed.length })}</li>
        <li>{t("import.detailsChanges", { count: changes.details.changed.length })}</li>
        <li>{t("import.reviewsChanges", { added: changes.reviews.added.length, removed: changes.reviews.removed.length, changed: changes.reviews.changed.length })}</li>
        <li>{t("import.focalPointChanges", { count: changes.focalPoints.changed.length })}</li>
        <li>{t("import.stageChanges", { count: changes.stages.length })}</li>
      </ul>
      {changes.parties.added.length || changes.parties.removed.length ? (
        <p>
          {changes.parties.added.length ? t("import.partiesAdded", { codes: changes.parties.added.join(", ") }) : null}{" "}
          {changes.parties.removed.length ? t("import.partiesRemoved", { codes: changes.parties.removed.join(", ") }) : null}
        </p>
      ) : null}
      {changes.reviews.changed.length || changes.parties.changed.length ? (
        <details>
          <summary>{t("import.fieldChanges")}</summary>
          <ScrollableTable label={t("import.fieldChanges")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("import.item")}</th>
                  <th scope="col">{t("import.field")}</th>
                  <th scope="col">{t("import.from")}</th>
                  <th scope="col">{t("import.to")}</th>
                </tr>
              </thead>
              <tbody>
                {[...changes.parties.changed.map((change) => ({ item: change.code, fields: change.fields })), ...changes.reviews.changed.map((change) => ({ item: change.key, fields: change.fields }))].flatMap((change) =>
                  change.fields.map((field) => (
                    <tr key={`${change.item}-${field.field}`}>
                      <th scope="row">{change.item}</th>
                      <td>{field.field}</td>
                      <td>{field.from ?? "—"}</td>
                      <td>{field.to ?? "—"}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </ScrollableTable>
        </details>
      ) : null}
      {changes.stages.length ? (
        <details>
          <summary>{t("import.stageChanges", { count: changes.stages.length })}</summary>
          <ul>
            {changes.stages.map((change) => (
              <li key={change.key}>
                {change.key}: {stageLabel(change.from)} → {stageLabel(change.to)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {changes.focalPoints.changed.length ? (
        <details>
          <summary>{t("import.focalPointChanges", { count: changes.focalPoints.changed.length })}</summary>
          <ul>
            {changes.focalPoints.changed.map((change) => (
              <li key={change.party}>{t("import.focalPointChange", change)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export default function AdminReviewImport() {
  const { t, i18n } = useTranslation(["reviews", "common"]);
  const { to } = useLocale();
  const { imports, selected, applied } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const formError = result && "formError" in result ? result.formError : undefined;
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : undefined;
  return (
    <>
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.intro")}</p>
      <FormAlert errors={errors} message={formError ? t(formError.key, formError.values) : undefined} />
      {applied ? <Notice>{t("import.applied")}</Notice> : null}

      {selected ? (
        <section aria-labelledby="report" className="section">
          <h2 id="report">{t("import.reportTitle", { id: selected.id })}</h2>
          <p>
            {t("import.sourceIs", { source: selected.description ?? "—" })} {selected.illustrative ? t("import.markedIllustrative") : t("import.markedReal")}
          </p>
          {selected.problemCount > 0 ? (
            <>
              <div role="alert" className="alert alert--error">
                {t("import.nothingApplied", { count: selected.problemCount })}
              </div>
              <ProblemTable report={selected.report} />
            </>
          ) : (
            <>
              <ChangeSummary report={selected.report} />
              {selected.appliedAt ? (
                <p>{t("import.appliedOn", { date: formatDateTime(selected.appliedAt, i18n.language) })}</p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="importId" value={selected.id} />
                  <button type="submit">{t("import.apply")}</button>
                </Form>
              )}
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="upload" className="section">
        <h2 id="upload">{t("import.uploadTitle")}</h2>
        <p>{t("import.contract")}</p>
        <Form method="post" encType="multipart/form-data" className="form" noValidate>
          <div className="field">
            <label htmlFor={UPLOAD_FIELDS["parties.csv"]}>parties.csv</label>
            <input id={UPLOAD_FIELDS["parties.csv"]} name={UPLOAD_FIELDS["parties.csv"]} type="file" accept=".csv,text/csv" required />
          </div>
          <div className="field">
            <label htmlFor={UPLOAD_FIELDS["reviews.csv"]}>reviews.csv</label>
            <input id={UPLOAD_FIELDS["reviews.csv"]} name={UPLOAD_FIELDS["reviews.csv"]} type="file" accept=".csv,text/csv" required />
          </div>
          <div className="field">
            <label htmlFor={UPLOAD_FIELDS["focal_points.csv"]}>focal_points.csv</label>
            <input id={UPLOAD_FIELDS["focal_points.csv"]} name={UPLOAD_FIELDS["focal_points.csv"]} type="file" accept=".csv,text/csv" required />
          </div>
          <div className="field">
            <label htmlFor={UPLOAD_FIELDS["parties.json"]}>
              parties.json <span className="field__optional">({t("common:form.optional")})</span>
            </label>
            <p id="details-hint" className="field__hint">
              {t("import.detailsHint")}
            </p>
            <input id={UPLOAD_FIELDS["parties.json"]} name={UPLOAD_FIELDS["parties.json"]} type="file" accept=".json,application/json" aria-describedby="details-hint" />
          </div>
          <TextField name="asOf" type="date" label={t("import.asOf")} hint={t("import.asOfHint")} optional error={errors?.asOf} defaultValue={values?.asOf} />
          <TextField name="description" label={t("import.source")} hint={t("import.sourceHint")} error={errors?.description} maxLength={500} defaultValue={values?.description} />
          <div className="field field--checkbox">
            <input id="illustrative" name="illustrative" type="checkbox" aria-describedby="illustrative-hint" defaultChecked={values?.illustrative === "on"} />
            <label htmlFor="illustrative">{t("import.illustrative")}</label>
            <p id="illustrative-hint" className="field__hint">
              {t("import.illustrativeHint")}
            </p>
          </div>
          <p>
            <button type="submit">{t("import.check")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="recent" className="section">
        <h2 id="recent">{t("import.recent")}</h2>
        {imports.length === 0 ? (
          <p>{t("import.noImports")}</p>
        ) : (
          <ScrollableTable label={t("import.recent")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("import.id")}</th>
                  <th scope="col">{t("import.created")}</th>
                  <th scope="col">{t("import.by")}</th>
                  <th scope="col">{t("import.problem")}</th>
                  <th scope="col">{t("import.state")}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link to={to(`/admin/reviews/import?id=${row.id}`)}>#{row.id}</Link>
                    </th>
                    <td>{formatDateTime(row.created_at, i18n.language)}</td>
                    <td>{row.createdBy ?? t(`import.sources.${row.source}`)}</td>
                    <td className="numeric">{row.problem_count}</td>
                    <td>{row.applied_at ? t("import.stateApplied") : row.problem_count ? t("import.stateRejected") : t("import.stateChecked")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
        <p>
          <Link to={to("/admin/reviews/focal-points")}>{t("focalPoints.title")}</Link>
        </p>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "reviews:import.title");
