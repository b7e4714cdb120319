import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { DETAILS_FILE, STATUS_FILES, type StatusFileName, type StatusFiles } from "./status-files.server";
import { UPLOAD_FIELDS } from "./vocabulary";

/** Ten times the size of the full demo data: enough for any real status, small enough for memory. */
export const MAX_UPLOAD_BYTES = 2_000_000;

/**
 * Reads the uploaded status files from a multipart form. An empty file input counts as missing.
 * A file over the size limit or a body that is not a multipart form gives an error instead.
 */
export async function readUploadedFiles(request: Request): Promise<{ files: StatusFiles; fields: Record<string, string> } | { error: "tooLarge" | "unreadable" }> {
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
  } catch (error) {
    return { error: error instanceof MaxPartSizeExceededError ? "tooLarge" : "unreadable" };
  }
  const files: StatusFiles = {};
  const names: StatusFileName[] = [...STATUS_FILES, DETAILS_FILE];
  for (const name of names) {
    const value = formData.get(UPLOAD_FIELDS[name]);
    if (value && typeof value !== "string" && value.size > 0) files[name] = new Uint8Array(await value.arrayBuffer());
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") fields[key] = value;
  return { files, fields };
}
