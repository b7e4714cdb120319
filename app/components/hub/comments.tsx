import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, TextAreaField } from "~/components/ui/form";
import type { PostView } from "~/modules/hub/queries.server";
import type { FieldError, FieldErrors } from "~/utils/forms.server";
import { AuthorName } from "./author-name";
import { IntentButton, ReportForm, UsefulButton } from "./post-actions";

type Result = { errors?: FieldErrors; formError?: FieldError; values?: Record<string, string>; intent?: string } | undefined;

/** The comments of a post (one level), each with its useful count and actions, then the comment form. */
export function Comments({ post, result, signInHref }: { post: PostView; result: Result; signInHref: string }) {
  const { t } = useTranslation("hub");
  const commentResult = result?.intent === "comment" ? result : undefined;
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{t("comments.title")}</h2>
      {post.comments.length === 0 ? <p>{t("comments.none")}</p> : null}
      <ol className="hub-comments">
        {post.comments.map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`} className={`card${comment.accepted ? " hub-comment--accepted" : ""}`}>
            {comment.status === "hidden" ? <p className="alert alert--info">{t("banners.commentHidden", { reason: comment.moderationReason })}</p> : null}
            {comment.status === "held" ? <p className="alert alert--info">{t("banners.commentHeld")}</p> : null}
            {comment.accepted ? <p className="badge badge--published">{t("comments.accepted")}</p> : null}
            <p className="card__meta">
              <AuthorName author={comment.author} /> · <time>{comment.createdOn}</time>
              {comment.illustrative ? <span className="badge"> {t("demoBadge")}</span> : null}
            </p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: comment.html }} />
            {comment.status === "published" ? (
              <div className="button-row">
                <UsefulButton targetType="comment" targetId={comment.id} count={comment.usefulCount} marked={comment.viewerUseful} signedIn={post.signedIn} />
                {post.canAccept && !comment.accepted ? <IntentButton intent="accept" commentId={comment.id} label={t("comments.accept")} secondary /> : null}
                {post.canAccept && comment.accepted ? <IntentButton intent="accept" label={t("comments.unaccept")} secondary /> : null}
                {comment.canDelete ? <IntentButton intent="delete-comment" commentId={comment.id} label={t("comments.delete")} secondary /> : null}
                {post.signedIn ? <ReportForm targetType="comment" targetId={comment.id} /> : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {post.status !== "published" ? null : post.signedIn ? (
        <Form method="post" className="form" id="comment-form" noValidate>
          <h3>{t("comments.add")}</h3>
          <FormAlert errors={commentResult?.errors} message={commentResult?.formError ? t(commentResult.formError.key, commentResult.formError.values) : undefined} />
          <input type="hidden" name="intent" value="comment" />
          <TextAreaField name="body" label={t("comments.body")} hint={t("markdownHint")} error={commentResult?.errors?.body} defaultValue={commentResult?.values?.body} rows={5} />
          <p>
            <button type="submit">{t("comments.submit")}</button>
          </p>
        </Form>
      ) : (
        <p>
          <Link to={signInHref}>{t("comments.signIn")}</Link>
        </p>
      )}
    </section>
  );
}
