import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEditionFile } from "~/modules/library/queries.server";
import { openStoredFile } from "~/modules/library/storage.server";
import { notFound } from "~/utils/http.server";

/** Downloads the file of one language edition of a published resource. */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await getEditionFile(params.slug ?? "", params.locale ?? "");
  if (!file?.file_key) notFound();
  const stream = await openStoredFile(file.file_key);
  if (!stream) notFound();
  return new Response(stream, {
    headers: {
      "Content-Type": file.file_type ?? "application/octet-stream",
      "Content-Length": String(file.file_size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name ?? "document")}`,
      "Cache-Control": "public, max-age=3600",
    },
  });
}
