import { READING_PAGE } from "~/utils/hydration";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getResourcePage, listRelatedResources } from "~/modules/library/queries.server";
import { Slug } from "~/modules/library/library.schema.server";
import { getArticleTitles, getTreatyLabels } from "~/modules/treaty/treaty.server";
import { listCountries } from "~/modules/countries/countries.server";
import { notFound } from "~/utils/http.server";
import { isLocale, LOCALE_NAMES } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { formatPublished } from "~/utils/format";
import { DataNotice } from "~/components/data-notice";
import { recordNotice } from "~/modules/provenance/provenance.server";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = READING_PAGE;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = Slug.safeParse(params.slug);
  if (!slug.success) notFound();
  const locale = getRequestLocale(request);
  // ?edition=es shows that language edition while the page stays in the reader's language.
  const requested = new URL(request.url).searchParams.get("edition");
  const page = await getResourcePage(slug.data, locale, isLocale(requested) ? requested : undefined);
  if (!page) notFound();
  const { resource, edition } = page;
  const [related, treaty, articleTitles] = await Promise.all([
    listRelatedResources(resource, locale),
    getTreatyLabels(locale),
    getArticleTitles(resource.articles, locale),
  ]);
  return {
    slug: resource.slug,
    type: resource.type,
    publishedOn: resource.published_on,
    publishedPrecision: resource.published_precision,
    dateSource: resource.date_source,
    // A demonstration entry says so, whatever else the page shows.
    notice: resource.illustrative ? recordNotice("library", resource.issuing_body) : null,
    issuingBody: resource.issuing_body,
    symbol: resource.symbol,
    country: resource.country_code ? (listCountries(locale).find((country) => country.code === resource.country_code)?.name ?? resource.country_code) : null,
    tags: {
      instruments: resource.instruments.map((code) => ({ code, label: treaty.instruments.find((item) => item.code === code)?.title ?? code })),
      articles: resource.articles.map((ref) => ({ ref, title: articleTitles.get(ref) ?? "" })),
      clusters: resource.clusters.map((code) => ({ code, label: treaty.clusters.find((item) => item.code === code)?.title ?? code })),
      stages: resource.stages.map((code) => ({ code, label: treaty.stages.find((item) => item.code === code)?.title ?? code })),
      audiences: resource.audiences,
    },
    edition: {
      locale: edition.locale,
      title: edition.title,
      summary: edition.summary,
      // Secretariat-written Markdown, rendered with raw HTML escaped (see markdown.server.ts).
      bodyHtml: renderMarkdown(edition.body),
      externalUrl: edition.external_url,
      file: edition.file_key ? { name: edition.file_name!, type: edition.file_type!, size: edition.file_size! } : null,
    },
    isFallback: page.isFallback,
    editions: page.editions,
    supersedes: page.supersedes,
    supersededBy: page.supersededBy,
    related,
  };
}

/** A heading and its tags as links (to a facet or an article page); nothing when empty. */
function TagGroup({ title, tags }: { title: string; tags: Array<{ key: string; to: string; label: string; title?: string }> }) {
  if (tags.length === 0) return null;
  return (
    <>
      <h2 className="h-small">{title}</h2>
      <ul className="tag-list">
        {tags.map((tag) => (
          <li key={tag.key}>
            <Link className="tag" to={tag.to} title={tag.title}>
              {tag.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function formatSize(bytes: number, locale: string) {
  const units = ["B", "KB", "MB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

export default function ResourcePage() {
  const { t, i18n } = useTranslation("library");
  const { to, locale } = useLocale();
  const data = useLoaderData<typeof loader>();
  const facetLink = (name: string, value: string) => `${to("/library")}?${new URLSearchParams({ [name]: value })}`;
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
                {t("resource.download", { type: data.edition.file.type.split("/").pop()?.toUpperCase(), size: formatSize(data.edition.file.size, i18n.language) })}
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
              {t("resource.supersedes")} <Link to={to(`/library/${data.supersedes.slug}`)}>{data.supersedes.title}</Link> ({data.supersedes.publishedOn.slice(0, 4)})
            </p>
          ) : null}
        </div>
        <aside className="aside-box" lang={locale} aria-label={t("resource.tags")}>
          <dl className="details">
            <dt>{t("resource.published")}</dt>
            <dd>
              {formatPublished(data.publishedOn, data.publishedPrecision, i18n.language)}
              {data.dateSource ? (
                <span className="meta">
                  {" "}
                  ({t("resource.dateSource", { source: data.dateSource })})
                </span>
              ) : null}
            </dd>
            <dt>{t("resource.issuedBy")}</dt>
            <dd>{data.issuingBody}</dd>
            {data.symbol ? (
              <>
                <dt>{t("resource.symbol")}</dt>
                <dd>{data.symbol}</dd>
              </>
            ) : null}
            {data.country ? (
              <>
                <dt>{t("resource.country")}</dt>
                <dd>{data.country}</dd>
              </>
            ) : null}
          </dl>
          <TagGroup
            title={t("resource.instruments")}
            tags={data.tags.instruments.map((item) => ({ key: item.code, to: facetLink("instrument", item.code), label: item.label }))}
          />
          <TagGroup
            title={t("resource.articles")}
            tags={data.tags.articles.map((article) => {
              const [instrument, number] = article.ref.split(":");
              return { key: article.ref, to: to(`/articles/${instrument}/${number}`), label: t("articleLabel", { instrument: t(`instrumentsShort.${instrument}`), number }), title: article.title };
            })}
          />
          <TagGroup
            title={t("resource.clusters")}
            tags={data.tags.clusters.map((cluster) => ({ key: cluster.code, to: facetLink("cluster", cluster.code), label: `${t("clusterLabel", { code: cluster.code })}: ${cluster.label}` }))}
          />
          <TagGroup title={t("resource.stages")} tags={data.tags.stages.map((stage) => ({ key: stage.code, to: facetLink("stage", stage.code), label: stage.label }))} />
          <TagGroup
            title={t("resource.audiences")}
            tags={data.tags.audiences.map((audience) => ({ key: audience, to: facetLink("audience", audience), label: t(`audiences.${audience}`) }))}
          />
          <h2 className="h-small">{t("resource.editions")}</h2>
          <ul>
            {data.editions.map((edition) => (
              <li key={edition.locale}>
                <Link to={`?edition=${edition.locale}`} hrefLang={edition.locale} lang={edition.locale} aria-current={edition.locale === data.edition.locale ? "true" : undefined}>
                  {LOCALE_NAMES[edition.locale]}
                </Link>
                {edition.locale === data.edition.locale ? ` ${t("resource.thisEdition")}` : ""}
              </li>
            ))}
          </ul>
        </aside>
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
