import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ObservationForm } from "~/components/dialogues/observation-form";
import { RevisionHistory } from "~/components/dialogues/revision-history";
import { requireObservationEditor } from "~/modules/dialogues/access.server";
import { DialogueId } from "~/modules/dialogues/dialogues.schema.server";
import { submitObservationEdit } from "~/modules/dialogues/observation-forms.server";
import { getObservationView } from "~/modules/dialogues/observation-views.server";
import { ObservationId } from "~/modules/dialogues/observations.schema.server";
import { notFound } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["dialogues", "observations"] });

function idsOf(params: LoaderFunctionArgs["params"]) {
  const dialogueId = DialogueId.safeParse(params.id);
  const observationId = ObservationId.safeParse(params.observation);
  if (!dialogueId.success || !observationId.success) notFound();
  return { dialogueId: dialogueId.data, observationId: observationId.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { dialogueId, observationId } = idsOf(params);
  await requireObservationEditor(request, dialogueId);
  const view = await getObservationView(dialogueId, observationId, getRequestLocale(request));
  if (!view) notFound();
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { dialogueId, observationId } = idsOf(params);
  const user = await requireObservationEditor(request, dialogueId);
  const outcome = await submitObservationEdit(dialogueId, observationId, await request.formData(), user.id);
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  return redirect(`${localePath(getRequestLocale(request), `/dialogues/${dialogueId}/observations`)}?done=${outcome.done}#${outcome.anchor}`);
}

export default function EditObservation() {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refused = result && !result.ok ? result : null;
  const { observation } = view;
  return (
    <>
      <p className="meta">
        <Link to={to(`/dialogues/${view.dialogue.id}/observations`)}>{t("edit.back")}</Link>
      </p>
      <h1>{observation.number ? t("edit.title", { number: observation.number }) : t("edit.titleMerged")}</h1>
      <p className="meta">
        {view.dialogue.title} · {t(observation.status === "published" ? "editor.published" : "editor.draft")}
      </p>
      {observation.merged ? (
        <p className="alert alert--info">{t("edit.mergedNotice")}</p>
      ) : (
        <ObservationForm
          key={view.baseRevision}
          mode="update"
          values={refused?.values ?? view.values}
          errors={refused?.errors}
          choices={view.choices}
          baseRevision={view.baseRevision}
        />
      )}
      <section aria-labelledby="history">
        <h2 id="history">{t("edit.history")}</h2>
        <RevisionHistory revisions={view.revisions} />
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "observations:editor.title", { title: data ? data.dialogue.title : undefined });
