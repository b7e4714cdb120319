import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ObservationCard } from "~/components/dialogues/observation-card";
import { ObservationForm } from "~/components/dialogues/observation-form";
import { Notice } from "~/components/ui/form";
import { requireObservationEditor } from "~/modules/dialogues/access.server";
import { dialogueIdParam } from "~/modules/dialogues/dialogues.schema.server";
import { submitEditorForm } from "~/modules/dialogues/observation-forms.server";
import { EMPTY_FORM, getEditorView } from "~/modules/dialogues/observation-views.server";
import { notFound } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["dialogues", "observations"] });

/** Only this dialogue's facilitators and the secretariat: anyone else gets 403, drafts included. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const dialogueId = dialogueIdParam(params.id);
  await requireObservationEditor(request, dialogueId);
  const view = await getEditorView(dialogueId, getRequestLocale(request));
  if (!view) notFound();
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const dialogueId = dialogueIdParam(params.id);
  const user = await requireObservationEditor(request, dialogueId);
  const outcome = await submitEditorForm(dialogueId, await request.formData(), user.id);
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  return redirect(`${localePath(getRequestLocale(request), `/dialogues/${dialogueId}/observations`)}?done=${outcome.done}#${outcome.anchor}`);
}

const DONE = ["created", "createdPublished", "published", "unpublished", "moved", "merged", "restored", "updated"];

export default function ObservationEditor() {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const created = result && !result.ok && result.values && result.observationId === null ? result : null;
  const listError = result && !result.ok && !result.values ? result.errors.form : null;
  const live = view.observations.map((observation) => ({ id: observation.id, number: observation.number }));
  return (
    <>
      <p className="meta">
        <Link to={to("/facilitator")}>{t("facilitator.title")}</Link> · <Link to={to(`/dialogues/${view.dialogue.id}`)}>{t("editor.backToDialogue")}</Link> ·{" "}
        <Link to={to(`/dialogues/${view.dialogue.id}/summary`)}>{t(view.dialogue.state === "summary_published" ? "editor.summaryLinkPublished" : "editor.summaryLink")}</Link>
      </p>
      <h1>{t("editor.heading", { title: view.dialogue.title })}</h1>
      <p className="meta">{view.dialogue.when}</p>
      {view.dialogue.illustrative ? <p className="alert alert--info">{t("editor.illustrative")}</p> : null}
      <p>{t("editor.intro")}</p>
      {done && DONE.includes(done) ? <Notice>{t(`editor.done.${done}`)}</Notice> : null}
      {listError ? (
        <div role="alert" className="alert alert--error">
          {t(listError.key, listError.values)}
        </div>
      ) : null}
      <section aria-labelledby="new-observation">
        <h2 id="new-observation">{t("editor.newTitle")}</h2>
        <ObservationForm key={view.observations.length + view.merged.length} mode="create" values={created?.values ?? EMPTY_FORM} errors={created?.errors} choices={view.choices} />
      </section>
      <section aria-labelledby="recorded">
        <h2 id="recorded">{t("editor.listTitle")}</h2>
        <p className="meta">{t("editor.counts", { published: view.published, drafts: view.drafts })}</p>
        {view.observations.length === 0 ? (
          <p>{t("editor.empty")}</p>
        ) : (
          <ol className="observation-list">
            {view.observations.map((observation) => (
              <ObservationCard key={observation.id} observation={observation} dialogueId={view.dialogue.id} others={live.filter((other) => other.id !== observation.id)} />
            ))}
          </ol>
        )}
      </section>
      {view.merged.length ? (
        <section aria-labelledby="merged">
          <h2 id="merged">{t("editor.mergedTitle")}</h2>
          <ul className="observation-list">
            {view.merged.map((merged) => (
              <li key={merged.id} id={`obs-${merged.id}`} className="observation-card observation-card--merged">
                <p className="meta">{merged.intoNumber ? t("editor.mergedInto", { number: merged.intoNumber }) : null}</p>
                <p className="observation-body">{merged.body}</p>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="unmerge" />
                  <input type="hidden" name="observationId" value={merged.id} />
                  <button type="submit">{t("editor.restore")}</button>
                </Form>{" "}
                <Link to={to(`/dialogues/${view.dialogue.id}/observations/${merged.id}`)}>{t("editor.history")}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "observations:editor.title", { title: data ? `${data.dialogue.title}` : undefined });
