import { isRouteErrorResponse, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";

// English text for when the translations themselves could not be loaded.
const FALLBACK: Record<string, string> = {
  "errors.notFoundTitle": "Page not found",
  "errors.notFoundBody": "We could not find the page you asked for.",
  "errors.serverErrorTitle": "Something went wrong",
  "errors.serverErrorBody": "An unexpected error occurred. Please try again in a moment.",
  "errors.forbiddenTitle": "Access denied",
  "errors.forbiddenBody": "Your account does not have access to this page.",
  "errors.badRequestTitle": "Request not understood",
  "errors.badRequestBody": "The request could not be processed.",
  "errors.backHome": "Go to the home page",
  "errors.unavailableTitle": "Temporarily unavailable",
  "errors.unavailableBody": "Please try again in a few seconds.",
};

function keysFor(status: number) {
  if (status === 404) return ["errors.notFoundTitle", "errors.notFoundBody"];
  if (status === 403) return ["errors.forbiddenTitle", "errors.forbiddenBody"];
  if (status >= 400 && status < 500) return ["errors.badRequestTitle", "errors.badRequestBody"];
  if (status === 503) return ["errors.unavailableTitle", "errors.unavailableBody"];
  return ["errors.serverErrorTitle", "errors.serverErrorBody"];
}

/** The one error page: localized per HTTP status; never shows internals. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const { to } = useLocale();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) console.error(error);
  const text = (key: string) => (i18n.exists(key) ? t(key) : FALLBACK[key]!);
  const [title, body] = keysFor(status);
  return (
    <div className="error-page">
      <p className="error-page__status">{status}</p>
      <h1>{text(title!)}</h1>
      <p>{text(body!)}</p>
      <p>
        <Link to={to("/")}>{text("errors.backHome")}</Link>
      </p>
    </div>
  );
}
