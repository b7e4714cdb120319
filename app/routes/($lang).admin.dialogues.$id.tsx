import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgendaPanel, FacilitatorsPanel, StatePanel } from "~/components/dialogues/dialogue-admin-panels";
import { DialogueEditor } from "~/components/dialogues/dialogue-editor";
import { FormAlert, Notice } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { submitDialogueEdit } from "~/modules/dialogues/admin-actions.server";
import { getDialogueEditorView } from "~/modules/dialogues/admin.server";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { notFound, respond } from "~/utils/http.server";
import { isLocale, LOCALE_NAMES, LOCALES } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "dialogues", "observations"] });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const locale = getRequestLocale(request);
  const url = new URL(request.url);
  const edition = url.searchParams.get("edition");
  const view = await getDialogueEditorView(dialogueIdParam(params.id), locale, isLocale(edition) ? edition : locale);
  if (!view) notFound();
  return { view, saved: url.searchParams.get("saved") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  return respond(await submitDialogueEdit(request, dialogueIdParam(params.id), user.id));
}

export default function EditDialogue() {
  const { t } = useTranslation("dialogues");
  const { to } = useLocale();
  const { view, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = (intent: string) => (result?.intent === intent ? result : undefined);
  return (
    <>
      <h1>{t("admin.editTitle", { title: view.title })}</h1>
      {saved ? <Notice>{t("admin.saved")}</Notice> : null}
      {result?.formError ? <FormAlert message={t(result.formError.key)} /> : null}
      <p>
        <Link to={to(`/dialogues/${view.id}`)}>{t("admin.publicPage")}</Link> · <Link to={to(`/admin/dialogues/${view.id}/registrations`)}>{t("admin.registrants")}</Link> ·{" "}
        <Link to={to(`/dialogues/${view.id}/observations`)}>{t("observationsLink")}</Link>
      </p>
      <StatePanel state={view.state} nextStates={view.nextStates} />
      <section aria-labelledby="details">
        <h2 id="details">{t("admin.details")}</h2>
        <p>
          {t("admin.otherEdition")}{" "}
          {LOCALES.filter((code) => code !== view.values.locale).map((code) => (
            <span key={code}>
              <Link to={`?edition=${code}`}>
                {LOCALE_NAMES[code]}
                {view.translated.includes(code) ? "" : " +"}
              </Link>{" "}
            </span>
          ))}
        </p>
        <DialogueEditor key={view.values.locale} values={failed("details")?.values ?? view.values} errors={failed("details")?.errors} courses={view.courses} />
      </section>
      <AgendaPanel topics={view.topics} errors={failed("add-topic")?.errors} values={failed("add-topic")?.values} />
      <FacilitatorsPanel facilitators={view.facilitators} candidates={view.candidates} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "dialogues:admin.title");
