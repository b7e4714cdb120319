import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import type { FieldErrors, FormOutcome } from "~/utils/forms.server";
import { parseForm } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { AdminResourceAction, ResourceForm } from "./library.schema.server";
import { deleteResource, LibraryError, saveResourceEdition, setResourceStatus } from "./mutations.server";
import { ACCEPTED_FILE_TYPES, MAX_FILE_BYTES, removeStoredFile, storeFile } from "./storage.server";

export type ResourceFormOutcome = { ok: true; slug: string } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Handles the admin resource form (multipart, with an optional file): validates every field and
 * the file, stores the file, saves in one transaction, and removes the stored file again if the
 * save fails — a failed upload leaves nothing behind.
 */
export async function submitResourceForm(request: Request, options: { actorId: string; originalSlug: string | null }): Promise<ResourceFormOutcome> {
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, errors: { file: { key: "library:admin.errors.fileTooLarge" } }, values: {} };
    // Not a multipart form at all (a forged or truncated post): a 400, not a 500.
    return { ok: false, errors: { form: { key: "common:errors.badRequestBody" } }, values: {} };
  }
  const form = parseForm(formData, ResourceForm);
  const upload = formData.get("file");
  const file = upload instanceof File && upload.size > 0 ? upload : null;
  if (file && !ACCEPTED_FILE_TYPES.has(file.type)) {
    const values = form.ok ? {} : form.values;
    return { ok: false, errors: { ...(form.ok ? {} : form.errors), file: { key: "library:admin.errors.fileType" } }, values };
  }
  if (!form.ok) return form;

  const key = file ? await storeFile(new Uint8Array(await file.arrayBuffer())) : null;
  try {
    const saved = await saveResourceEdition(form.data, {
      actorId: options.actorId,
      originalSlug: options.originalSlug,
      file: key && file ? { key, name: file.name.slice(0, 200), type: file.type, size: file.size } : undefined,
    });
    return { ok: true, slug: saved.slug };
  } catch (error) {
    if (key) await removeStoredFile(key);
    if (error instanceof LibraryError) {
      const field = error.key === "slugTaken" ? "slug" : error.key === "notFound" ? "form" : "supersedes";
      const values = Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === "string")) as Record<string, string>;
      return { ok: false, errors: { [field]: { key: `library:admin.errors.${error.key}` } }, values };
    }
    throw error;
  }
}

/** The resource list's buttons: publish, unpublish, or delete (with the resource's stored files). */
export async function submitResourceListAction(request: Request, actorId: string): Promise<FormOutcome<{ error: string }>> {
  const list = localePath(getRequestLocale(request), "/admin/library");
  const parsed = AdminResourceAction.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { kind: "reply", status: 400, body: { error: "errors.badRequestBody" } };
  const { intent, slug } = parsed.data;
  try {
    if (intent === "delete") {
      const files = await deleteResource(slug, actorId);
      await Promise.all(files.map(removeStoredFile));
      return { kind: "redirect", to: `${list}?done=deleted` };
    }
    await setResourceStatus(slug, intent === "publish" ? "published" : "unpublished", actorId);
    return { kind: "redirect", to: `${list}?done=statusChanged` };
  } catch (error) {
    if (error instanceof LibraryError) return { kind: "reply", status: 404, body: { error: `library:admin.errors.${error.key}` } };
    throw error;
  }
}
