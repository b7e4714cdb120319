/**
 * The observation editor's form posts: which button was pressed, its fields checked, one module
 * call. A refused post comes back with every field as typed — the whole text, however long — and
 * an error in the reader's language, so a facilitator on a phone in the room loses nothing.
 */
import type { z } from "zod";
import { formDataToObject, parseForm, type FieldError, type FieldErrors } from "~/utils/forms.server";
import { toFormValues, type ObservationFormValues } from "./observation-views.server";
import { CreateObservationForm, MAX_OBSERVATION_LENGTH, ObservationListAction, SummaryAction, UpdateObservationForm } from "./observations.schema.server";
import { createObservation, mergeObservation, moveObservation, ObservationError, setObservationStatus, unmergeObservation, updateObservation } from "./observations.server";
import { publishSummary, SummaryError } from "./summary.server";

export type EditorOutcome =
  | { ok: true; done: string; anchor: string }
  | { ok: false; status: number; errors: FieldErrors; values: ObservationFormValues | null; observationId: number | null };

const refusal = (status: number, errors: FieldErrors, values: ObservationFormValues | null = null, observationId: number | null = null): EditorOutcome => ({ ok: false, status, errors, values, observationId });

/** Field errors of a refused observation form; an over-long text says how long it is and the limit. */
function fieldErrors<S extends z.ZodType>(formData: FormData, schema: S): { data: z.output<S> } | { errors: FieldErrors } {
  const parsed = parseForm(formData, schema);
  if (parsed.ok) return { data: parsed.data };
  const errors = { ...parsed.errors };
  const body = String(formData.get("body") ?? "").replace(/\r\n?/g, "\n").trim();
  if (errors.body?.key === "errors.tooLong") errors.body = { key: "observations:errors.bodyTooLong", values: { length: body.length, max: MAX_OBSERVATION_LENGTH } };
  return { errors };
}

function moduleError(error: unknown): { status: number; field: string; error: FieldError } {
  if (error instanceof ObservationError) {
    const status = error.key === "notFound" ? 404 : error.key === "conflict" || error.key === "merged" ? 409 : 400;
    return { status, field: error.field, error: { key: `observations:errors.${error.key}` } };
  }
  throw error;
}

/** The editor page's posts: a new observation, or a button beside one (publish, move, merge…). */
export async function submitEditorForm(dialogueId: number, formData: FormData, actorId: string): Promise<EditorOutcome> {
  const intent = formData.get("intent");
  if (intent === "create" || intent === "create-publish") {
    const values = toFormValues(formDataToObject(formData));
    const parsed = fieldErrors(formData, CreateObservationForm);
    if ("errors" in parsed) return refusal(400, parsed.errors, values);
    try {
      const { id } = await createObservation(dialogueId, parsed.data, { actorId, publish: intent === "create-publish" });
      return { ok: true, done: intent === "create" ? "created" : "createdPublished", anchor: `obs-${id}` };
    } catch (error) {
      const { status, field, error: fieldError } = moduleError(error);
      return refusal(status, { [field]: fieldError }, values);
    }
  }
  const parsed = ObservationListAction.safeParse(formDataToObject(formData));
  if (!parsed.success) return refusal(400, { form: { key: intent === "merge" ? "observations:errors.mergeTarget" : "observations:errors.badRequest" } });
  const action = parsed.data;
  try {
    switch (action.intent) {
      case "publish":
      case "unpublish":
        await setObservationStatus(dialogueId, action.observationId, action.intent === "publish" ? "published" : "draft", actorId);
        return { ok: true, done: action.intent === "publish" ? "published" : "unpublished", anchor: `obs-${action.observationId}` };
      case "move":
        await moveObservation(dialogueId, action.observationId, action.direction, actorId);
        return { ok: true, done: "moved", anchor: `obs-${action.observationId}` };
      case "merge":
        await mergeObservation(dialogueId, action.observationId, action.targetId, actorId);
        return { ok: true, done: "merged", anchor: `obs-${action.targetId}` };
      case "unmerge":
        await unmergeObservation(dialogueId, action.observationId, actorId);
        return { ok: true, done: "restored", anchor: `obs-${action.observationId}` };
    }
  } catch (error) {
    const { status, error: fieldError } = moduleError(error);
    return refusal(status, { form: fieldError }, null, action.observationId);
  }
}

/** The edit form of one observation. */
export async function submitObservationEdit(dialogueId: number, observationId: number, formData: FormData, actorId: string): Promise<EditorOutcome> {
  const values = toFormValues(formDataToObject(formData));
  const parsed = fieldErrors(formData, UpdateObservationForm);
  if ("errors" in parsed) return refusal(400, parsed.errors, values, observationId);
  try {
    await updateObservation(dialogueId, observationId, parsed.data, { actorId, baseRevision: parsed.data.baseRevision });
    return { ok: true, done: "updated", anchor: `obs-${observationId}` };
  } catch (error) {
    const { status, field, error: fieldError } = moduleError(error);
    return refusal(status, { [field]: fieldError }, values, observationId);
  }
}

/** The summary page's publish button. */
export async function submitSummaryForm(dialogueId: number, formData: FormData, actorId: string): Promise<{ ok: true } | { ok: false; status: number; error: string }> {
  if (!SummaryAction.safeParse(formDataToObject(formData)).success) return { ok: false, status: 400, error: "observations:errors.badRequest" };
  try {
    await publishSummary(dialogueId, actorId);
    return { ok: true };
  } catch (error) {
    if (error instanceof SummaryError) return { ok: false, status: error.key === "notFound" ? 404 : 409, error: `observations:summary.errors.${error.key}` };
    throw error;
  }
}
