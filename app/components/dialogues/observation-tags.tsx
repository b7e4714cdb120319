import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";

type Tags = {
  topics?: Array<string | { code: string; title: string }>;
  clusters: Array<string | { code: string; title: string }>;
  articles: Array<string | { ref: string; title: string; path: string }>;
  stakeholderKinds: string[];
};

/** What an observation concerns and who raised it, as small labelled lists; articles link to their pages. */
export function ObservationTags({ topics = [], clusters, articles, stakeholderKinds }: Tags) {
  const { t } = useTranslation("observations");
  const common = useTranslation("common").t;
  const { to } = useLocale();
  const rows: Array<{ label: string; items: Array<{ key: string; node: React.ReactNode }> }> = [
    { label: t("tags.topics"), items: topics.map((topic) => (typeof topic === "string" ? { key: topic, node: topic } : { key: topic.code, node: topic.title })) },
    {
      label: t("tags.clusters"),
      items: clusters.map((cluster) => {
        const code = typeof cluster === "string" ? cluster : cluster.code;
        return { key: code, node: <span title={typeof cluster === "string" ? undefined : cluster.title}>{t("tags.cluster", { code })}</span> };
      }),
    },
    {
      label: t("tags.articles"),
      items: articles.map((article) => {
        const ref = typeof article === "string" ? article : article.ref;
        const path = typeof article === "string" ? `/articles/${article.replace(":", "/")}` : article.path;
        return { key: ref, node: <Link to={to(path)}>{typeof article === "string" || !article.title ? ref : `${ref} · ${article.title}`}</Link> };
      }),
    },
    { label: t("tags.raisedBy"), items: stakeholderKinds.map((kind) => ({ key: kind, node: common(`organizationKinds.${kind}`) })) },
  ].filter((row) => row.items.length > 0);
  if (rows.length === 0) return null;
  return (
    <dl className="observation-tags">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>
            <ul className="tag-list">
              {row.items.map((item) => (
                <li key={item.key} className="tag">
                  {item.node}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
