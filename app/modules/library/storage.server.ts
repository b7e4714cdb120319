import { randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { getEnv } from "~/utils/env.server";
import { getEditionFile } from "./queries.server";

/**
 * Uploaded files on local disk under STORAGE_DIR (default .data/storage). Keys are random, so a
 * file name from a user never becomes a path. Swap this module for object storage in production.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_FILE_TYPES = new Map([
  ["application/pdf", "pdf"],
  ["application/msword", "doc"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ["application/vnd.ms-excel", "xls"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  ["application/vnd.ms-powerpoint", "ppt"],
  ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
  ["application/epub+zip", "epub"],
  ["text/plain", "txt"],
]);

function storageRoot() {
  return path.resolve(getEnv().STORAGE_DIR);
}

function pathOf(key: string) {
  if (!/^[a-f0-9]{32}$/.test(key)) throw new Error("Invalid storage key");
  return path.join(storageRoot(), "resources", key.slice(0, 2), key);
}

export async function storeFile(data: Uint8Array): Promise<string> {
  const key = randomBytes(16).toString("hex");
  const file = pathOf(key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
  return key;
}

export async function removeStoredFile(key: string) {
  await rm(pathOf(key), { force: true });
}

export async function openStoredFile(key: string): Promise<ReadableStream | null> {
  const file = pathOf(key);
  if (!existsSync(file)) return null;
  return Readable.toWeb(createReadStream(file)) as ReadableStream;
}

/** The file of one language edition of a published resource, opened for download, with what the response says of it; null when there is none. */
export async function openEditionFile(slug: string, locale: string) {
  const file = await getEditionFile(slug, locale);
  if (!file?.file_key) return null;
  const stream = await openStoredFile(file.file_key);
  if (!stream) return null;
  return { stream, type: file.file_type ?? "application/octet-stream", size: file.file_size, name: file.file_name ?? "document" };
}
