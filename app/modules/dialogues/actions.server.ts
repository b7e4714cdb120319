/**
 * The form posts of the dialogue page, parsed and answered in one place so the route stays
 * thin: a member registers or cancels; refusals come back as localized form errors.
 */
import type { SessionUser } from "~/modules/auth/session.server";
import { formDataToObject, parseForm, type FormOutcome } from "~/utils/forms.server";
import { getPublicOrigin } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { CancelForm, RegistrationForm } from "./dialogues.schema.server";
import { cancelRegistration, registerForDialogue } from "./registration.server";

export type PageActionOutcome = FormOutcome;

export async function submitRegistrationAction(request: Request, dialogueId: number, user: SessionUser): Promise<PageActionOutcome> {
  const locale = getRequestLocale(request);
  const formData = await request.formData();
  const page = localePath(locale, `/dialogues/${dialogueId}`);
  if (formData.get("intent") === "cancel") {
    if (!parseForm(formData, CancelForm).ok) return { kind: "reply", status: 400, body: { formError: { key: "errors.invalidChoice" } } };
    const cancelled = await cancelRegistration(dialogueId, user.id, getPublicOrigin());
    if (!cancelled) return { kind: "reply", status: 409, body: { formError: { key: "refusals.nothingToCancel" } } };
    return { kind: "redirect", to: `${page}?done=cancelled` };
  }
  const form = parseForm(formData, RegistrationForm);
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values: form.values } };
  const outcome = await registerForDialogue(dialogueId, { id: user.id, locale }, form.data, getPublicOrigin());
  if (!outcome) return { kind: "notFound" };
  if (!outcome.ok) return { kind: "reply", status: 409, body: { formError: { key: `refusals.${outcome.reason}` }, values: textValues(formData) } };
  return { kind: "redirect", to: `${page}?done=registered` };
}

function textValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(Object.entries(formDataToObject(formData)).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])));
}
