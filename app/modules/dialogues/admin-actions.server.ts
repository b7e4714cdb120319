/**
 * The form posts of the secretariat's dialogue pages, parsed and answered in one place so the
 * routes stay thin. Each returns a redirect (after success) or the errors to show on the form.
 */
import { formDataToObject, parseForm, type FormOutcome } from "~/utils/forms.server";
import { getPublicOrigin } from "~/utils/http.server";
import { localePath, type Locale } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { getCourseEntry } from "~/modules/courses/lessons.server";
import { addTopic, changeDialogueState, createDialogue, removeTopic, setFacilitator, updateDialogue } from "./admin.server";
import { DialogueForm, FacilitatorForm, RegistrantAction, RemoveTopicForm, StateForm, TopicForm } from "./dialogues.schema.server";
import { applyStaffAction, checkIn } from "./registration.server";

export type AdminActionOutcome = FormOutcome;

const redirectTo = (to: string): AdminActionOutcome => ({ kind: "redirect", to });
const refuse = (key: string, status = 400, intent?: string): AdminActionOutcome => ({ kind: "reply", status, body: { formError: { key }, intent } });

function textValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(Object.entries(formDataToObject(formData)).map(([name, value]) => [name, Array.isArray(value) ? value.join(",") : value]));
}

/** The new-dialogue form; a new dialogue starts as a draft. */
/** The dialogue form, with the named course checked against the catalogue. */
async function parseDialogueForm(formData: FormData) {
  const form = parseForm(formData, DialogueForm);
  if (form.ok && form.data.courseSlug && !(await getCourseEntry(form.data.courseSlug))) {
    return { ok: false as const, errors: { courseSlug: { key: "errors.invalidChoice" } }, values: textValues(formData) };
  }
  return form.ok ? form : { ...form, values: textValues(formData) };
}

export async function submitNewDialogue(request: Request, actorId: string): Promise<AdminActionOutcome> {
  const formData = await request.formData();
  const form = await parseDialogueForm(formData);
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: form.values } };
  const id = await createDialogue(form.data, actorId);
  return redirectTo(`${localePath(getRequestLocale(request), `/admin/dialogues/${id}`)}?saved=1`);
}

/** The edit page's forms: details, state, agenda topics and facilitators, told apart by `intent`. */
export async function submitDialogueEdit(request: Request, dialogueId: number, actorId: string): Promise<AdminActionOutcome> {
  const locale: Locale = getRequestLocale(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "details");
  const page = localePath(locale, `/admin/dialogues/${dialogueId}`);
  switch (intent) {
    case "details": {
      const form = await parseDialogueForm(formData);
      if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: form.values, intent } };
      if (!(await updateDialogue(dialogueId, form.data, actorId, getPublicOrigin()))) return { kind: "notFound" };
      return redirectTo(`${page}?saved=1&edition=${form.data.locale}`);
    }
    case "state": {
      const form = parseForm(formData, StateForm);
      if (!form.ok) return refuse("errors.invalidChoice", 400, intent);
      const outcome = await changeDialogueState(dialogueId, form.data.state, actorId);
      if (outcome === "notFound") return { kind: "notFound" };
      if (outcome === "notAllowed") return refuse("dialogues:errors.stateNotAllowed", 409, intent);
      return redirectTo(`${page}?saved=state`);
    }
    case "add-topic": {
      const form = parseForm(formData, TopicForm);
      if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: textValues(formData), intent } };
      const outcome = await addTopic(dialogueId, { ...form.data, locale }, actorId);
      if (outcome === "notFound") return { kind: "notFound" };
      if (outcome !== "added") return { kind: "reply", status: 409, body: { errors: { [outcome === "exists" ? "code" : "title"]: { key: `dialogues:errors.topic_${outcome}` } }, values: textValues(formData), intent } };
      return redirectTo(`${page}?saved=agenda#agenda`);
    }
    case "remove-topic": {
      const form = parseForm(formData, RemoveTopicForm);
      if (!form.ok) return refuse("errors.invalidChoice", 400, intent);
      await removeTopic(dialogueId, form.data.code, actorId);
      return redirectTo(`${page}?saved=agenda#agenda`);
    }
    case "add-facilitator":
    case "remove-facilitator": {
      const form = parseForm(formData, FacilitatorForm);
      if (!form.ok) return refuse("errors.invalidChoice", 400, intent);
      if (!(await setFacilitator(dialogueId, form.data.userId, form.data.intent === "add-facilitator", actorId))) return refuse("dialogues:errors.notAFacilitator", 400, intent);
      return redirectTo(`${page}?saved=facilitators#facilitators`);
    }
    default:
      return refuse("errors.invalidChoice", 400);
  }
}

/** The registrant list's forms: approve, decline, move, mark attended (one or many) and check-in. */
export async function submitRegistrantAction(request: Request, dialogueId: number, actorId: string): Promise<AdminActionOutcome> {
  const locale = getRequestLocale(request);
  const formData = await request.formData();
  const form = parseForm(formData, RegistrantAction);
  // Back to the list as it was filtered, with the outcome of this action only.
  const params = new URL(request.url).searchParams;
  for (const name of ["changed", "checkedIn", "again"]) params.delete(name);
  const page = (outcome: Record<string, string>) => {
    for (const [name, value] of Object.entries(outcome)) params.set(name, value);
    return `${localePath(locale, `/admin/dialogues/${dialogueId}/registrations`)}?${params}`;
  };
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: textValues(formData), intent: String(formData.get("intent") ?? "") } };
  if (form.data.intent === "check-in") {
    const outcome = await checkIn(dialogueId, form.data.code, actorId);
    if (!outcome.ok) return { kind: "reply", status: 404, body: { errors: { code: { key: `dialogues:errors.checkIn_${outcome.reason}` } }, values: textValues(formData), intent: "check-in" } };
    return redirectTo(`${page({ checkedIn: outcome.organization, ...(outcome.alreadyIn ? { again: "1" } : {}) })}#check-in`);
  }
  const changed = await applyStaffAction(dialogueId, form.data, actorId, getPublicOrigin());
  if (changed === null) return { kind: "notFound" };
  return redirectTo(page({ changed: String(changed) }));
}
