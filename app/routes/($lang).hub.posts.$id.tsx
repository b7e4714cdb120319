import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Comments } from "~/components/hub/comments";
import { PostArticle } from "~/components/hub/post-article";
import { FormAlert, Notice } from "~/components/ui/form";
import { getSessionUser, requireUser } from "~/modules/auth/session.server";
import { submitPostPageAction } from "~/modules/hub/actions.server";
import { postIdParam } from "~/modules/hub/posts.schema.server";
import { getPostView } from "~/modules/hub/queries.server";
import { notFound, respond } from "~/utils/http.server";
import { signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["hub", "members"] });

const NOTICES = ["published", "held", "edited", "commented", "accepted", "unaccepted", "commentDeleted", "reported"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = postIdParam(params.id);
  const locale = getRequestLocale(request);
  const { user } = await getSessionUser(request);
  const post = await getPostView(id, locale, user);
  if (!post) notFound();
  const url = new URL(request.url);
  const done = url.searchParams.get("done") ?? "";
  return { post, signInHref: signInPath(locale, url.pathname), notice: NOTICES.includes(done) ? done : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = postIdParam(params.id);
  const user = await requireUser(request);
  return respond(await submitPostPageAction(request, id, user));
}

export default function PostPage() {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  const { post, signInHref, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pageError = result && result.intent !== "comment" ? result.formError : undefined;
  return (
    <>
      <p>
        <Link to={to("/hub")}>{t("post.back")}</Link>
      </p>
      {notice ? <Notice>{t(`notices.${notice}`)}</Notice> : null}
      <FormAlert message={pageError ? t(pageError.key, pageError.values) : undefined} />
      {post.illustrative ? (
        <p className="alert alert--info" role="note">
          {t("illustrativeNotice")}
        </p>
      ) : null}
      <PostArticle post={post} />
      <Comments post={post} result={result} signInHref={signInHref} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) => pageMeta(matches, "hub:title", { title: loaderData?.post.title });
