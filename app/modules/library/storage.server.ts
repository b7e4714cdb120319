import { randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { getEnv } from "~/utils/env.server";

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
