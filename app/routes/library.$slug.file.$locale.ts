import type { LoaderFunctionArgs } from "@remix-run/node";
import { openEditionFile } from "~/modules/library/storage.server";
import { notFound } from "~/utils/http.server";

/** Downloads the file of one language edition of a published resource. */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await openEditionFile(params.slug ?? "", params.locale ?? "");
  if (!file) notFound();
  return new Response(file.stream, {
    headers: {
      "Content-Type": file.type,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "Cache-Control": "public, max-age=3600",
    },
  });
}
