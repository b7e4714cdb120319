import { pageHandle } from "~/utils/route-handle";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataNotice } from "~/components/data-notice";
import { ResourceAside, useFacetLink } from "~/components/library/resource-page";
import { Slug } from "~/modules/library/library.schema.server";
import { getResourcePageView } from "~/modules/library/resource-view.server";
import { notFound } from "~/utils/http.server";
import { isLocale, LOCALE_NAMES } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["library"], hydrate: false });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = Slug.safeParse(params.slug);
  if (!slug.success) notFound();
  // ?edition=es shows that language edition while the page stays in the reader's language.
  const requested = new URL(request.url).searchParams.get("edition");
  const view = await getResourcePageView(slug.data, getRequestLocale(request), isLocale(requested) ? requested : undefined);
  if (!view) notFound();
  return view;
}

export default function ResourcePage() {
  const { t } = useTranslation("library");
  const { to, locale } = useLocale();
  const data = useLoaderData<typeof loader>();
  const facetLink = useFacetLink();
  return (
    <article lang={data.edition.locale}>
      <p className="meta">
        <Link to={to("/library")}>{t("resource.backToLibrary")}</Link>
      </p>
      <p className="meta">
        <Link to={facetLink("type", data.type)}>{t(`types.${data.type}`)}</Link>
      </p>
      <h1>{data.edition.title}</h1>
      {data.isFallback ? (
        <p className="alert alert--info" lang={locale}>
          {t("resource.fallbackNotice", { language: LOCALE_NAMES[data.edition.locale as keyof typeof LOCALE_NAMES] })}
        </p>
      ) : null}
      {data.supersededBy ? (
        <p className="alert alert--info" lang={locale}>
          {t("resource.supersededBy")} <Link to={to(`/library/${data.supersededBy.slug}`)}>{data.supersededBy.title}</Link>
        </p>
      ) : null}
      <DataNotice notice={data.notice} lang={locale} />
      <p className="lead">{data.edition.summary}</p>
      <div className="two-col">
        <div>
          <div className="prose" dangerouslySetInnerHTML={{ __html: data.edition.bodyHtml }} />
          <p>
            {data.edition.file ? (
              <a className="button" href={`/library/${data.slug}/file/${data.edition.locale}`} download>
                {t("resource.download", { type: data.edition.file.type, size: data.edition.file.size })}
              </a>
            ) : null}{" "}
            {data.edition.externalUrl ? (
              <a href={data.edition.externalUrl} rel="noopener noreferrer external">
                {t("resource.openExternal")}
              </a>
            ) : null}
          </p>
          {data.supersedes ? (
            <p lang={locale}>
              {t("resource.supersedes")} <Link to={to(`/library/${data.supersedes.slug}`)}>{data.supersedes.title}</Link> ({data.supersedes.year})
            </p>
          ) : null}
        </div>
        <ResourceAside data={data} />
      </div>
      {data.related.length ? (
        <section className="section" lang={locale} aria-labelledby="related">
          <h2 id="related">{t("resource.related")}</h2>
          <ul>
            {data.related.map((item) => (
              <li key={item.slug}>
                <Link to={to(`/library/${item.slug}`)}>{item.title}</Link> <span className="meta">· {t(`types.${item.type}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, "library:title", { title: data?.edition.title });
