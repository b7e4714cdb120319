import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChangeSummary, ProblemTable, RecentImports, UploadForm } from "~/components/reviews/import-page";
import { FormAlert, Notice } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { getImportPageView, submitImportForm } from "~/modules/reviews/import-view.server";
import { respond } from "~/utils/http.server";
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
  return respond(await submitImportForm(request, user.id));
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
