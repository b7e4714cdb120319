import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/hub/post-form";
import { requireUser } from "~/modules/auth/session.server";
import { submitNewPost } from "~/modules/hub/actions.server";
import { getPostFormOptions } from "~/modules/hub/queries.server";
import { respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["hub", "members"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const locale = getRequestLocale(request);
  return { options: await getPostFormOptions(locale), defaults: { kind: "news", locale } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return respond(await submitNewPost(request, user));
}

export default function NewPostPage() {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  const { options, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("form.newTitle")}</h1>
      <PostForm
        options={options}
        values={result?.values ?? defaults}
        errors={result?.errors}
        formError={result?.formError}
        submitLabel={t("form.publish")}
        cancelHref={to("/hub")}
      />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "hub:form.newTitle");
