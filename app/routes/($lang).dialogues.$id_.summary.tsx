import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ParticipationFigures, SummarySections } from "~/components/dialogues/summary-document";
import { Notice } from "~/components/ui/form";
import { requireObservationEditor } from "~/modules/dialogues/access.server";
import { getSessionUser } from "~/modules/auth/session.server";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { submitSummaryForm } from "~/modules/dialogues/observation-forms.server";
import { getSummaryView } from "~/modules/dialogues/summary.server";
import { notFound } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["dialogues", "observations"] });

/** Public once published; before, a preview for the dialogue's facilitators and the secretariat only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await getSessionUser(request);
  const view = await getSummaryView(dialogueIdParam(params.id), getRequestLocale(request), user);
  if (!view) notFound();
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const dialogueId = dialogueIdParam(params.id);
  const user = await requireObservationEditor(request, dialogueId);
  const outcome = await submitSummaryForm(dialogueId, await request.formData(), user.id);
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  return redirect(`${localePath(getRequestLocale(request), `/dialogues/${dialogueId}/summary`)}?done=published`);
}

export default function ChairsSummary() {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <p className="meta">
        <Link to={to(`/dialogues/${view.id}`)}>{view.title}</Link>
        {view.canEdit ? (
          <>
            {" · "}
            <Link to={to(`/dialogues/${view.id}/observations`)}>{t("summary.editObservations")}</Link>
          </>
        ) : null}
      </p>
      <h1>
        {t("summary.title")}: {view.title}
      </h1>
      <p className="meta">
        {view.session} · {view.when}
        {view.venue ? ` · ${view.venue}` : ""}
      </p>
      {searchParams.get("done") === "published" && view.published ? <Notice>{t("summary.done")}</Notice> : null}
      {result && !result.ok ? (
        <div role="alert" className="alert alert--error">
          {t(result.error)}
        </div>
      ) : null}
      {view.published ? <p className="meta">{t("summary.publishedOn", { date: view.publishedOn })}</p> : <p className="alert alert--info">{t("summary.preview")}</p>}
      {view.illustrative ? <p className="alert alert--info">{t("summary.illustrative")}</p> : null}
      <p>
        <a href={to(`/dialogues/${view.id}/summary.pdf`)}>{t("summary.pdf")}</a>
        {view.resourceSlug ? (
          <>
            {" · "}
            <Link to={to(`/library/${view.resourceSlug}`)}>{t("summary.inLibrary")}</Link>
          </>
        ) : null}
      </p>
      <h2>{t("summary.participation")}</h2>
      <ParticipationFigures participation={view.participation} total={view.total} />
      <h2>{t("summary.observations")}</h2>
      {view.canEdit && view.drafts > 0 ? <p className="meta">{t("summary.drafts", { number: view.drafts })}</p> : null}
      <SummarySections sections={view.sections} />
      {view.canEdit && !view.published ? (
        <section aria-labelledby="publish-summary" className="aside-box">
          <h2 id="publish-summary">{t("summary.publishTitle")}</h2>
          {view.canPublish ? (
            <Form method="post">
              <p>{t("summary.publishIntro")}</p>
              <button type="submit" name="intent" value="publish-summary">
                {t("summary.publish")}
              </button>
            </Form>
          ) : (
            <p>{t("summary.notHeldYet")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "observations:summary.title", { title: data ? data.title : undefined });
