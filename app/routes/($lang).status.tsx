import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { getStatusView } from "~/modules/health/health.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// The status page for people, in their language; /healthz answers the same for machines, in JSON.
export async function loader({ request }: LoaderFunctionArgs) {
  const view = await getStatusView(getRequestLocale(request));
  return data(view, { status: view.overall === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store" });

export default function Status() {
  const { t } = useTranslation();
  const { to } = useLocale();
  const { overall, parts, checkedAt } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("status.title")}</h1>
      <p className="lead">{t("status.intro")}</p>
      <div role="status" className={`alert ${overall === "up" ? "alert--success" : overall === "limited" ? "alert--info" : "alert--error"}`}>
        {t(`status.overall.${overall}`)}
      </div>
      <dl className="details">
        {parts.map((part) => (
          <Fragment key={part.key}>
            <dt>{t(`status.parts.${part.key}`)}</dt>
            <dd>{t(`status.states.${part.state}`)}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="meta">{t("status.checkedAt", { time: checkedAt })}</p>
      <p>
        <Link to={to("/")}>{t("status.home")}</Link>
      </p>
      <p className="meta">
        <a href="/healthz">{t("status.json")}</a>
      </p>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "status.title");
