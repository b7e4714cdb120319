import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { notFound } from "~/utils/http.server";
import { checkLocalePrefix } from "~/utils/locale.server";

/** Every page lives under an optional locale prefix: /fr/…, /ar/…; English has none. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const prefix = checkLocalePrefix(params.lang, new URL(request.url));
  if (prefix === "unknown") notFound();
  if (prefix !== "ours") throw redirect(prefix.redirect);
  return null;
}

export default function LocaleLayout() {
  return <Outlet />;
}
