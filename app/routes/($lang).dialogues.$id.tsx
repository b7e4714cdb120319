import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DialogueDetails } from "~/components/dialogues/dialogue-details";
import { OrganizationList, ParticipationTable } from "~/components/dialogues/participation";
import { RegistrationPanel } from "~/components/dialogues/registration-panel";
import { IllustrativeNotice } from "~/components/dialogues/dialogue-list";
import { FollowForm } from "~/components/hub/follow-form";
import { getSessionUser, requireUser } from "~/modules/auth/session.server";
import { submitRegistrationAction } from "~/modules/dialogues/actions.server";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { getDialogueView } from "~/modules/dialogues/queries.server";
import { notFound, respond } from "~/utils/http.server";
import { signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["dialogues", "observations"] });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = dialogueIdParam(params.id);
  const locale = getRequestLocale(request);
  const { user } = await getSessionUser(request);
  const view = await getDialogueView(id, locale, user);
  if (!view) notFound();
  const url = new URL(request.url);
  return { view, signInHref: signInPath(locale, url.pathname), notice: url.searchParams.get("done") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = dialogueIdParam(params.id);
  const user = await requireUser(request);
  return respond(await submitRegistrationAction(request, id, user));
}

export default function DialoguePage() {
  const { t } = useTranslation("dialogues");
  const { to, locale } = useLocale();
  const { view, signInHref, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={to("/dialogues")}>{t("calendar.title")}</Link>
      </p>
      <h1>{view.title}</h1>
      {view.illustrative ? <IllustrativeNotice /> : null}
      {view.following !== null ? <FollowForm targetType="dialogue" targetKey={String(view.id)} following={view.following} name={view.title} /> : null}
      {notice ? (
        <p role="status" className="alert alert--success">
          {t(`notices.${notice === "cancelled" ? "cancelled" : "registered"}`)}
        </p>
      ) : null}
      <div className="two-col">
        <div>
          <DialogueDetails view={view} icsHref={`/dialogues/${view.id}/calendar.ics?lang=${locale}`} />
          {view.participation ? <ParticipationTable participation={view.participation} jsonHref={`/dialogues/${view.id}/participation.json`} /> : null}
          <OrganizationList organizations={view.organizations} />
          {view.state === "summary_published" || view.canEdit ? (
            <p>
              <Link to={to(`/dialogues/${view.id}/summary`)}>{t("summaryLink")}</Link>
            </p>
          ) : null}
          {view.canEdit ? (
            <p>
              <Link to={to(`/dialogues/${view.id}/observations`)}>{t("observationsLink")}</Link>
            </p>
          ) : null}
        </div>
        <RegistrationPanel
          dialogueId={view.id}
          signInHref={signInHref}
          signedIn={view.signedIn}
          windowOpen={view.windowOpen}
          eligibleKinds={view.eligibleKinds}
          course={view.course}
          modes={view.modes}
          registration={view.registration}
          prefill={view.prefill}
          errors={result && "errors" in result ? result.errors : undefined}
          formError={result && "formError" in result ? result.formError : undefined}
          values={result && "values" in result ? result.values : undefined}
        />
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) => pageMeta(matches, "dialogues:calendar.title", { title: loaderData?.view.title });
