import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HeldPosts, HiddenContent, HoldSetting, ReportGroups, SuspendedMembers } from "~/components/hub/moderation-queue";
import { FormAlert, Notice } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { submitModerationAction } from "~/modules/hub/actions.server";
import { getModerationView } from "~/modules/hub/moderation.server";
import { respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "moderation", "hub"] });

const NOTICES = ["hidden", "restored", "dismissed", "approved", "suspended", "unsuspended", "setting"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const done = new URL(request.url).searchParams.get("done") ?? "";
  return { view: await getModerationView(getRequestLocale(request)), notice: NOTICES.includes(done) ? done : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  return respond(await submitModerationAction(request, user));
}

export default function ModerationPage() {
  const { t } = useTranslation(["moderation", "common"]);
  const { view, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.formError;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {notice && !result ? <Notice>{t(`notices.${notice}`)}</Notice> : null}
      <FormAlert errors={result?.errors} message={error ? t(error.key, error.values) : undefined} />
      <ReportGroups reports={view.reports} />
      <HeldPosts held={view.held} />
      <HiddenContent hidden={view.hidden} />
      <SuspendedMembers suspended={view.suspended} />
      <HoldSetting value={view.holdFirstPosts} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "moderation:title");
