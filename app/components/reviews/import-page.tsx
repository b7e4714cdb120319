/** The pieces of the secretariat's import page (app/routes/($lang).admin.reviews.import.tsx), fed by getImportPageView. */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/ui/form";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import type { ImportReport } from "~/modules/reviews/import.server";
import type { ImportPageView } from "~/modules/reviews/import-view.server";
import { UPLOAD_FIELDS } from "~/modules/reviews/vocabulary";
import type { FieldErrors } from "~/utils/forms.server";
import { useLocale } from "~/utils/i18n-react";

export function ProblemTable({ report }: { report: ImportReport }) {
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

export function ChangeSummary({ report, fieldChanges }: { report: ImportReport; fieldChanges: NonNullable<ImportPageView["selected"]>["fieldChanges"] }) {
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
                {fieldChanges.map((change) => (
                  <tr key={`${change.item}-${change.field}`}>
                    <th scope="row">{change.item}</th>
                    <td>{change.field}</td>
                    <td>{change.from ?? "—"}</td>
                    <td>{change.to ?? "—"}</td>
                  </tr>
                ))}
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

/** The form that uploads the status files for a check (nothing is applied until the report is read). */
export function UploadForm({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { t } = useTranslation(["reviews", "common"]);
  return (
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
  );
}

export function RecentImports({ imports }: { imports: ImportPageView["imports"] }) {
  const { t } = useTranslation(["reviews", "common"]);
  const { to } = useLocale();
  return (
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
                  <td>{row.created}</td>
                  <td>{row.createdBy ?? t(`import.sources.${row.source}`)}</td>
                  <td className="numeric">{row.problemCount}</td>
                  <td>{row.state === "applied" ? t("import.stateApplied") : row.state === "rejected" ? t("import.stateRejected") : t("import.stateChecked")}</td>
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
  );
}
