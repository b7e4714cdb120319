import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PostView } from "~/modules/hub/queries.server";
import { LOCALE_NAMES, isLocale } from "~/utils/i18n";
import { useLocale } from "~/utils/i18n-react";
import { AuthorName } from "./author-name";
import { IntentButton, ReportForm, UsefulButton } from "./post-actions";
import { TagList } from "./tag-list";

/** A post as its page shows it: why it is not public (when so), what it is, its text and its actions. */
export function PostArticle({ post }: { post: PostView }) {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  return (
    <article lang={post.locale}>
      {post.status === "held" ? <p className="alert alert--info" role="note">{t("banners.held")}</p> : null}
      {post.status === "hidden" ? <p className="alert alert--error" role="note">{t("banners.hidden", { reason: post.moderationReason })}</p> : null}
      <p className="card__meta">
        <span className={`badge badge--${post.kind}`}>{t(`kinds.${post.kind}`)}</span>
        {post.illustrative ? <span className="badge"> {t("demoBadge")}</span> : null}
      </p>
      <h1>{post.title}</h1>
      <p className="card__meta">
        <AuthorName author={post.author} /> · <time>{post.createdOn}</time> {post.edited ? t("edited") : null}
        {isLocale(post.locale) ? <> · {t("post.language", { language: LOCALE_NAMES[post.locale] })}</> : null}
      </p>
      {post.event ? (
        <dl className="facts">
          <dt>{t("event.when")}</dt>
          <dd>{post.event.when}</dd>
          {post.event.place ? (
            <>
              <dt>{t("event.place")}</dt>
              <dd>{post.event.place}</dd>
            </>
          ) : null}
          <dd>
            <a href={post.event.icsHref}>{t("event.ics")}</a>
          </dd>
        </dl>
      ) : null}
      {post.resourceUrl ? (
        <p>
          <a href={post.resourceUrl} rel="nofollow ugc noopener noreferrer">
            {t("resourceLink")}
          </a>{" "}
          <span className="card__meta">({post.resourceUrl})</span>
        </p>
      ) : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: post.html }} />
      <TagList tags={post.tags} countries={post.countries} labels={post.labels} />
      {post.status === "published" ? (
        <div className="button-row">
          <UsefulButton targetType="post" targetId={post.id} count={post.usefulCount} marked={post.viewerUseful} signedIn={post.signedIn} />
          {post.signedIn ? <ReportForm targetType="post" targetId={post.id} /> : null}
        </div>
      ) : null}
      {post.canEdit ? (
        <div className="button-row">
          <Link to={to(`/hub/posts/${post.id}/edit`)}>{t("post.edit")}</Link>
          <IntentButton intent="delete-post" label={t("post.delete")} secondary />
        </div>
      ) : null}
    </article>
  );
}
