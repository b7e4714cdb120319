import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FeedItem, HubLabels } from "~/modules/hub/queries.server";
import { LOCALE_NAMES, isLocale } from "~/utils/i18n";
import { useLocale } from "~/utils/i18n-react";
import { AuthorName } from "./author-name";
import { TagList } from "./tag-list";

/** One post in the feed: kind, title, author and date, an excerpt, tags and counts. */
export function PostCard({ post, labels }: { post: FeedItem; labels: HubLabels }) {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  return (
    <article className="card hub-post-card" lang={post.locale}>
      <p className="card__meta">
        <span className={`badge badge--${post.kind}`}>{t(`kinds.${post.kind}`)}</span>
        {post.answered ? <span className="badge badge--success"> {t("answered")}</span> : null}
        {post.illustrative ? <span className="badge"> {t("demoBadge")}</span> : null}
      </p>
      <h2 className="card__title">
        <Link to={to(`/hub/posts/${post.id}`)}>{post.title}</Link>
      </h2>
      <p className="card__meta">
        <AuthorName author={post.author} /> · <time>{post.createdOn}</time>
        {isLocale(post.locale) ? <> · {LOCALE_NAMES[post.locale]}</> : null}
      </p>
      {post.event ? (
        <p>
          <strong>{t("event.when")}:</strong> {post.event.when}
          {post.event.place ? (
            <>
              {" "}
              · <strong>{t("event.place")}:</strong> {post.event.place}
            </>
          ) : null}
        </p>
      ) : null}
      <p>{post.excerpt}</p>
      <TagList tags={post.tags} countries={post.countries} labels={labels} />
      <p className="card__meta">
        {t("commentCount", { count: post.commentCount })} · {t("usefulCount", { count: post.usefulCount })}
      </p>
    </article>
  );
}
