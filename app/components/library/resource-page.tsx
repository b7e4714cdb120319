/** The pieces of a library resource's page (app/routes/($lang).library.$slug.tsx), fed by getResourcePageView. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ResourcePageView } from "~/modules/library/resource-view.server";
import { LOCALE_NAMES } from "~/utils/i18n";
import { useLocale } from "~/utils/i18n-react";

/** A heading and its tags as links (to a facet or an article page); nothing when empty. */
export function TagGroup({ title, tags }: { title: string; tags: Array<{ key: string; to: string; label: string; title?: string }> }) {
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

/** The library's address filtered by one facet value. */
export function useFacetLink() {
  const { to } = useLocale();
  return (name: string, value: string) => `${to("/library")}?${new URLSearchParams({ [name]: value })}`;
}

/** The side box: publication facts, tags, and the language editions. */
export function ResourceAside({ data }: { data: ResourcePageView }) {
  const { t } = useTranslation("library");
  const { to, locale } = useLocale();
  const facetLink = useFacetLink();
  return (
    <aside className="aside-box" lang={locale} aria-label={t("resource.tags")}>
      <dl className="details">
        <dt>{t("resource.published")}</dt>
        <dd>
          {data.published}
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
      <TagGroup title={t("resource.instruments")} tags={data.tags.instruments.map((item) => ({ key: item.code, to: facetLink("instrument", item.code), label: item.label }))} />
      <TagGroup
        title={t("resource.articles")}
        tags={data.tags.articles.map((article) => ({
          key: article.ref,
          to: to(`/articles/${article.instrument}/${article.number}`),
          label: t("articleLabel", { instrument: t(`instrumentsShort.${article.instrument}`), number: article.number }),
          title: article.title,
        }))}
      />
      <TagGroup
        title={t("resource.clusters")}
        tags={data.tags.clusters.map((cluster) => ({ key: cluster.code, to: facetLink("cluster", cluster.code), label: `${t("clusterLabel", { code: cluster.code })}: ${cluster.label}` }))}
      />
      <TagGroup title={t("resource.stages")} tags={data.tags.stages.map((stage) => ({ key: stage.code, to: facetLink("stage", stage.code), label: stage.label }))} />
      <TagGroup title={t("resource.audiences")} tags={data.tags.audiences.map((audience) => ({ key: audience, to: facetLink("audience", audience), label: t(`audiences.${audience}`) }))} />
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
  );
}
