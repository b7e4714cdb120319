/**
 * The hub's form posts, parsed and answered in one place so the routes stay thin: each returns a
 * redirect, a 404, or a localized refusal with what was typed, never a 500 for bad input.
 */
import type { SessionUser } from "~/modules/auth/session.server";
import { hitRateLimit, RATE_LIMITS, tooManyRequests, type RateLimitRule } from "~/modules/rate-limit/rate-limit.server";
import { formDataToObject, parseForm, type FieldErrors, type FormOutcome } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { approvePost, dismissReports, moderateContent, setSuspension, type ModerationRefusal } from "./moderation.server";
import { acceptAnswer, addComment, createPost, deleteComment, deletePost, reportContent, toggleUseful, updatePost, type Refusal } from "./posts.server";
import { AcceptForm, ApproveForm, BODY_MAX, CommentForm, DeleteForm, DismissForm, ModerateForm, PostForm, ReportForm, SettingForm, SuspendForm, UnsuspendForm, UsefulForm } from "./posts.schema.server";
import { setHoldFirstPosts } from "./settings.server";

export type HubActionOutcome = FormOutcome;

const refusalStatus: Record<Refusal | ModerationRefusal, number> = { suspended: 403, notFound: 404, forbidden: 403, notQuestion: 409, wrongState: 409, notSuspendable: 409 };

function refused(reason: Refusal | ModerationRefusal, namespace: "hub" | "moderation", values?: Record<string, string>, intent?: string): HubActionOutcome {
  if (reason === "notFound" && namespace === "hub") return { kind: "notFound" };
  return { kind: "reply", status: refusalStatus[reason], body: { formError: { key: `${namespace}:refusals.${reason}` }, values, intent } };
}

/** What the member typed, to refill a refused form (a refused post keeps its whole body). */
function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(formDataToObject(formData))) values[name] = (Array.isArray(value) ? value.join(",") : value).slice(0, BODY_MAX * 2);
  return values;
}

async function rateLimited(rule: RateLimitRule, userId: string, values: Record<string, string>, intent?: string): Promise<HubActionOutcome | null> {
  const { allowed, retryAfter } = await hitRateLimit(rule, userId);
  if (allowed) return null;
  const refusal = tooManyRequests(retryAfter);
  return { ...refusal, body: { ...refusal.body, values, intent } };
}

/** The new-post form: publish (or hold) and go to the post. */
export async function submitNewPost(request: Request, user: SessionUser): Promise<HubActionOutcome> {
  const locale = getRequestLocale(request);
  const formData = await request.formData();
  const values = typedValues(formData);
  const form = parseForm(formData, PostForm);
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values } };
  const limited = await rateLimited(RATE_LIMITS.hubPostPerUser, user.id, values);
  if (limited) return limited;
  const outcome = await createPost(user, form.data);
  if (!outcome.ok) return refused(outcome.reason, "hub", values);
  return { kind: "redirect", to: `${localePath(locale, `/hub/posts/${outcome.value.id}`)}?done=${outcome.value.held ? "held" : "published"}` };
}

export async function submitEditPost(request: Request, postId: number, user: SessionUser): Promise<HubActionOutcome> {
  const locale = getRequestLocale(request);
  const formData = await request.formData();
  const values = typedValues(formData);
  const form = parseForm(formData, PostForm);
  if (!form.ok) return { kind: "reply", status: 400, body: { errors: form.errors, values } };
  const outcome = await updatePost(user, postId, form.data);
  if (!outcome.ok) return refused(outcome.reason, "hub", values);
  return { kind: "redirect", to: `${localePath(locale, `/hub/posts/${postId}`)}?done=edited` };
}

/** The forms of a post page: comment, useful, accept an answer, delete, report. */
export async function submitPostPageAction(request: Request, postId: number, user: SessionUser): Promise<HubActionOutcome> {
  const locale = getRequestLocale(request);
  const page = localePath(locale, `/hub/posts/${postId}`);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = typedValues(formData);
  const invalid = (errors: FieldErrors): HubActionOutcome => ({ kind: "reply", status: 400, body: { errors, values, intent, formError: { key: "errors.formHasErrors" } } });
  switch (intent) {
    case "comment": {
      const form = parseForm(formData, CommentForm);
      if (!form.ok) return invalid(form.errors);
      const limited = await rateLimited(RATE_LIMITS.hubCommentPerUser, user.id, values, intent);
      if (limited) return limited;
      const outcome = await addComment(user, postId, form.data.body);
      if (!outcome.ok) return refused(outcome.reason, "hub", values, intent);
      return { kind: "redirect", to: `${page}?done=commented#comment-${outcome.value.id}` };
    }
    case "useful": {
      const form = parseForm(formData, UsefulForm);
      if (!form.ok) return invalid(form.errors);
      const outcome = await toggleUseful(user, postId, { type: form.data.targetType, id: form.data.targetId });
      if (!outcome.ok) return refused(outcome.reason, "hub", values, intent);
      return { kind: "redirect", to: form.data.targetType === "comment" ? `${page}#comment-${form.data.targetId}` : page };
    }
    case "accept": {
      const form = parseForm(formData, AcceptForm);
      if (!form.ok) return invalid(form.errors);
      const outcome = await acceptAnswer(user, postId, form.data.commentId);
      if (!outcome.ok) return refused(outcome.reason, "hub", values, intent);
      return { kind: "redirect", to: `${page}?done=${form.data.commentId ? "accepted" : "unaccepted"}` };
    }
    case "delete-post":
    case "delete-comment": {
      const form = parseForm(formData, DeleteForm);
      if (!form.ok) return invalid(form.errors);
      if (form.data.intent === "delete-post") {
        const outcome = await deletePost(user, postId);
        if (!outcome.ok) return refused(outcome.reason, "hub", values, intent);
        return { kind: "redirect", to: `${localePath(locale, "/hub")}?done=deleted` };
      }
      if (!form.data.commentId) return invalid({ commentId: { key: "errors.required" } });
      const outcome = await deleteComment(user, postId, form.data.commentId);
      if (!outcome.ok) return refused(outcome.reason, "hub", values, intent);
      return { kind: "redirect", to: `${page}?done=commentDeleted` };
    }
    case "report": {
      const form = parseForm(formData, ReportForm);
      if (!form.ok) return invalid(form.errors);
      const outcome = await reportContent(user, postId, form.data);
      if (!outcome.ok) return refused(outcome.reason, "hub", values, intent);
      return { kind: "redirect", to: `${page}?done=reported` };
    }
    default:
      return { kind: "reply", status: 400, body: { formError: { key: "errors.invalidChoice" }, intent } };
  }
}

/** The moderation queue's forms; each answers with the queue and a notice of what was done. */
export async function submitModerationAction(request: Request, actor: SessionUser): Promise<HubActionOutcome> {
  const locale = getRequestLocale(request);
  const page = localePath(locale, "/admin/hub");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = typedValues(formData);
  const done = (notice: string): HubActionOutcome => ({ kind: "redirect", to: `${page}?done=${notice}` });
  // The queue has many small forms: the message names the problem itself rather than a field below.
  const invalid = (errors: FieldErrors): HubActionOutcome => ({ kind: "reply", status: 400, body: { errors, values, intent, formError: Object.values(errors)[0] ?? { key: "errors.formHasErrors" } } });
  const result = async (outcome: Promise<{ ok: true } | { ok: false; reason: ModerationRefusal }>, notice: string) => {
    const settled = await outcome;
    return settled.ok ? done(notice) : refused(settled.reason, "moderation", values, intent);
  };
  switch (intent) {
    case "hide":
    case "restore": {
      const form = parseForm(formData, ModerateForm);
      if (!form.ok) return invalid(form.errors);
      return result(moderateContent(actor.id, form.data.intent, { type: form.data.targetType, id: form.data.targetId }, form.data.reason), form.data.intent === "hide" ? "hidden" : "restored");
    }
    case "dismiss": {
      const form = parseForm(formData, DismissForm);
      if (!form.ok) return invalid(form.errors);
      return result(dismissReports(actor.id, { type: form.data.targetType, id: form.data.targetId }), "dismissed");
    }
    case "approve": {
      const form = parseForm(formData, ApproveForm);
      if (!form.ok) return invalid(form.errors);
      return result(approvePost(actor.id, form.data.postId), "approved");
    }
    case "suspend": {
      const form = parseForm(formData, SuspendForm);
      if (!form.ok) return invalid(form.errors);
      return result(setSuspension(actor.id, form.data.userId, { reason: form.data.reason }), "suspended");
    }
    case "unsuspend": {
      const form = parseForm(formData, UnsuspendForm);
      if (!form.ok) return invalid(form.errors);
      return result(setSuspension(actor.id, form.data.userId, null), "unsuspended");
    }
    case "setting": {
      const form = parseForm(formData, SettingForm);
      if (!form.ok) return invalid(form.errors);
      await setHoldFirstPosts(actor.id, form.data.holdFirstPosts);
      return done("setting");
    }
    default:
      return { kind: "reply", status: 400, body: { formError: { key: "errors.invalidChoice" }, intent } };
  }
}
