import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/ui/form";
import type { FeedView } from "~/modules/hub/queries.server";
import { LOCALE_NAMES, LOCALES } from "~/utils/i18n";
import { useLocale } from "~/utils/i18n-react";
import { FollowForm } from "./follow-form";
import { PostCard } from "./post-card";
import { useTagLabel } from "./tag-list";

const KINDS = ["news", "event", "question", "resource"] as const;

/** The feed's filters: a GET form, so every filtered view has an address and works without JavaScript. */
export function FeedFilters({ view }: { view: FeedView }) {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  const tagLabel = useTagLabel(view.labels);
  const { filters } = view;
  const tag = filters.tag ? { key: filters.tag, type: filters.tag.split(":")[0] as "tag", value: filters.tag.split(":").slice(1).join(":") } : null;
  return (
    <div>
      {tag && view.signedIn ? <FollowForm targetType="tag" targetKey={tag.key} following={view.followingTag} name={tagLabel(tag)} /> : null}
      <Form method="get" className="filter-form" aria-label={t("filters.legend")}>
        {tag ? (
          <p>
            <input type="hidden" name="tag" value={tag.key} />
            {t("filters.taggedWith", { tag: tagLabel(tag) })}
          </p>
        ) : null}
        <FilterSelect id="hub-filter-kind" name="kind" label={t("filters.kind")} any={t("filters.anyKind")} options={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} value={filters.kind} />
        <FilterSelect id="hub-filter-country" name="country" label={t("filters.country")} any={t("filters.anyCountry")} options={view.countries.map((country) => ({ value: country.code, label: country.name }))} value={filters.country} />
        <FilterSelect id="hub-filter-language" name="language" label={t("filters.language")} any={t("filters.anyLanguage")} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))} value={filters.language} />
        {view.signedIn ? (
          <div className="field field--checkbox">
            <input id="hub-filter-following" type="checkbox" name="following" value="1" defaultChecked={filters.following} />
            <label htmlFor="hub-filter-following">{t("filters.following")}</label>
          </div>
        ) : null}
        <p className="button-row">
          <button type="submit">{t("filters.apply")}</button>
          <Link to={to("/hub")}>{t("filters.clear")}</Link>
        </p>
      </Form>
    </div>
  );
}

/** The posts of one feed page, and links to the newer and older pages. */
export function FeedList({ view }: { view: FeedView }) {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const name of ["kind", "tag", "country", "language"] as const) if (view.filters[name]) params.set(name, String(view.filters[name]));
    if (view.filters.following) params.set("following", "1");
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return to(`/hub${query ? `?${query}` : ""}`);
  };
  if (view.posts.length === 0) return <p>{t("empty")}</p>;
  return (
    <>
      <ul className="card-list hub-feed">
        {view.posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} labels={view.labels} />
          </li>
        ))}
      </ul>
      {view.page > 1 || view.hasNext ? (
        <nav aria-label={t("pagination.label")} className="pagination">
          {view.page > 1 ? <Link to={pageHref(view.page - 1)}>{t("pagination.newer")}</Link> : null}
          <span>{t("pagination.page", { page: view.page })}</span>
          {view.hasNext ? <Link to={pageHref(view.page + 1)}>{t("pagination.older")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
