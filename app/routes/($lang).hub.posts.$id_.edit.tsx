import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/hub/post-form";
import { requireUser } from "~/modules/auth/session.server";
import { submitEditPost } from "~/modules/hub/actions.server";
import { postIdParam } from "~/modules/hub/posts.schema.server";
import { getPostEditorView } from "~/modules/hub/queries.server";
import { notFound, respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["hub", "members"] });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = postIdParam(params.id);
  const user = await requireUser(request);
  const view = await getPostEditorView(id, user, getRequestLocale(request));
  if (!view) notFound();
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = postIdParam(params.id);
  const user = await requireUser(request);
  return respond(await submitEditPost(request, id, user));
}

export default function EditPostPage() {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  const { post, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("form.editTitle")}</h1>
      <PostForm
        options={options}
        values={result?.values ?? post.values}
        errors={result?.errors}
        formError={result?.formError}
        submitLabel={t("form.save")}
        cancelHref={to(`/hub/posts/${post.id}`)}
      />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "hub:form.editTitle");
