import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { isLocale } from "~/utils/i18n";
import { notFound } from "~/utils/http.server";

/** Every page lives under an optional locale prefix: /fr/…, /ar/…; English has none. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lang } = params;
  if (lang === undefined) return null;
  if (lang === "en") {
    const url = new URL(request.url);
    // `/en//evil.com` must not become `//evil.com` (a protocol-relative address): one leading slash.
    const rest = url.pathname.replace(/^\/en(?=\/|$)/, "").replace(/^\/+/, "");
    throw redirect(`/${rest}${url.search}`);
  }
  if (!isLocale(lang)) notFound();
  return null;
}

export default function LocaleLayout() {
  return <Outlet />;
}
