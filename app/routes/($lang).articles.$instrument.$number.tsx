import { pageHandle } from "~/utils/route-handle";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicObservationList } from "~/components/dialogues/public-observation-list";
import { getArticleView } from "~/modules/treaty/article-view.server";
import { notFound } from "~/utils/http.server";
import { LOCALE_NAMES, type Locale } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["library", "observations"], hydrate: false });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = getRequestLocale(request);
  if (!/^[a-z]{2,10}$/.test(params.instrument ?? "") || !/^\d{1,3}(bis|ter)?$/.test(params.number ?? "")) notFound();
  const view = await getArticleView(params.instrument!, params.number!, locale);
  if (!view) notFound();
  return view;
}

export default function ArticlePage() {
  const { t, i18n } = useTranslation("library");
  const observationsT = useTranslation("observations").t;
  const { to } = useLocale();
  const { article, tagged, observations } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="meta">{article.instrumentTitle}</p>
      <h1>
        {t("articleLabel", { instrument: t(`instrumentsShort.${article.instrumentCode}`), number: article.number })}: {article.title}
      </h1>
      <p>
        {article.cluster ? (
          <Link to={`${to("/library")}?cluster=${article.cluster.code}`}>{t("article.cluster", { code: article.cluster.code, title: article.cluster.title })}</Link>
        ) : (
          t("article.noCluster")
        )}
      </p>
      <p className="meta">{t("article.clusterSource")}</p>
      <h2>{t("article.tagged")}</h2>
      {tagged.length === 0 ? (
        <p>{t("article.none")}</p>
      ) : (
        <ul className="results">
          {tagged.map((item) => (
            <li key={item.item_id} className="result">
              <Link to={to(item.path)} lang={item.locale}>
                {item.title}
              </Link>{" "}
              <span className="meta">
                · {t(`types.${item.type}`)}
                {item.locale !== i18n.language ? ` · ${LOCALE_NAMES[item.locale as Locale]}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`${to("/library")}?article=${encodeURIComponent(article.ref)}`}>{t("title")}</Link>
      </p>
      <h2>{observationsT("article.title")}</h2>
      {observations.length === 0 ? <p>{observationsT("article.none")}</p> : <PublicObservationList items={observations} headingLevel={3} />}
      <p>
        <Link to={`${to("/observations")}?article=${encodeURIComponent(article.ref)}`}>{observationsT("article.all")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "library:title", { title: data ? `${data.article.title}` : undefined });
