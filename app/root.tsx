import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, redirect, Scripts, ScrollRestoration, useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getSessionUser } from "~/modules/auth/session.server";
import { countUnread } from "~/modules/hub/notifications.server";
import stylesHref from "~/styles/app.css";
import { getDirection, splitLocalePath, type Locale } from "~/utils/i18n";
import { getTranslations } from "~/utils/i18n.server";
import { useI18nInstance } from "~/utils/i18n-react";
import { firstVisitRedirect } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/route-handle";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A first visit (no language remembered) to an English address goes to the visitor's language.
  const elsewhere = await firstVisitRedirect(request);
  if (elsewhere) throw redirect(elsewhere);
  const { locale } = splitLocalePath(new URL(request.url).pathname);
  const { user, setCookie } = await getSessionUser(request);
  // One count on a partial index, capped, and only for signed-in people (visitors' pages stay cacheable).
  const unread = user ? await countUnread(user.id) : 0;
  return data(
    {
      locale,
      // The strings of the namespaces the page's routes declare (their `handle.i18n`, decision 0035).
      translations: getTranslations(locale, context.i18nNamespaces),
      user: user && { displayName: user.displayName, role: user.role, emailVerified: user.emailVerified, unreadNotifications: unread },
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootData = typeof loader;

// No shouldRevalidate: with single fetch the root loader runs on every client navigation, so the
// strings of the next page's namespaces (and the header's user data) always come with it.

/**
 * Whether the page loads Remix's scripts. Reading pages that work fully as HTML opt out, so a first
 * visit downloads no JavaScript and carries no serialized loader data. In the browser (after client
 * navigation from a hydrated page) the scripts stay: removing them would unmount the running app.
 */
function useHydration() {
  const matches = useMatches();
  return typeof document !== "undefined" || !matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === false);
}

function Document({ children, locale }: { children: ReactNode; locale: Locale }) {
  const nonce = useNonce();
  const hydrate = useHydration();
  return (
    <html lang={locale} dir={getDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  const { locale, translations } = useRouteLoaderData<RootData>("root")!;
  const i18n = useI18nInstance(locale, translations);
  return (
    <I18nextProvider i18n={i18n}>
      <Document locale={locale}>
        <Shell>
          <Outlet />
        </Shell>
      </Document>
    </I18nextProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<RootData>("root");
  // Without root data (its loader failed) the page falls back to English built-in strings.
  const locale = rootData?.locale ?? "en";
  const i18n = useI18nInstance(locale, rootData?.translations ?? {});
  return (
    <I18nextProvider i18n={i18n}>
      <Document locale={locale}>
        {rootData ? (
          <Shell>
            <ErrorPage error={error} />
          </Shell>
        ) : (
          <main id="main">
            <ErrorPage error={error} />
          </main>
        )}
      </Document>
    </I18nextProvider>
  );
}
