import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChangeSummary, ProblemTable, RecentImports, UploadForm } from "~/components/reviews/import-page";
import { FormAlert, Notice } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { applyImport, createImport } from "~/modules/reviews/import.server";
import { getImportPageView } from "~/modules/reviews/import-view.server";
import { ApplyImportForm, ImportOptionsForm } from "~/modules/reviews/reviews.schema.server";
import { readUploadedFiles } from "~/modules/reviews/upload.server";
import { parseForm, toFormData, type FieldError, type FieldErrors } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "reviews"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const url = new URL(request.url);
  const id = Number(url.searchParams.get("id"));
  const view = await getImportPageView(Number.isInteger(id) && id > 0 ? id : null, getRequestLocale(request));
  return { ...view, applied: url.searchParams.get("applied") === "1" };
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

export default function AdminReviewImport() {
  const { t } = useTranslation(["reviews", "common"]);
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
              <ChangeSummary report={selected.report} fieldChanges={selected.fieldChanges} />
              {selected.appliedOn ? (
                <p>{t("import.appliedOn", { date: selected.appliedOn })}</p>
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

      <UploadForm errors={errors} values={values} />
      <RecentImports imports={imports} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "reviews:import.title");
