import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProfileEditor } from "~/components/hub/profile-editor";
import { requireUser } from "~/modules/auth/session.server";
import { HubProfileForm } from "~/modules/hub/members.schema.server";
import { getProfileEditorView, saveHubProfile } from "~/modules/hub/profiles.server";
import { parseForm, type FieldErrors } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["members", "account"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const view = await getProfileEditorView(user.id, getRequestLocale(request));
  return { ...view, saved: new URL(request.url).searchParams.get("saved") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(await request.formData(), HubProfileForm);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  if ((await saveHubProfile(user.id, form.data)) === "unknownArticle") {
    return data({ errors: { expertiseArticles: { key: "members:errors.unknownArticle" } } as FieldErrors }, { status: 400 });
  }
  return redirect(`${localePath(getRequestLocale(request), "/account/profile")}?saved=1`);
}

export default function ProfileEditorPage() {
  const { t } = useTranslation("members");
  const { profile, labels, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("editor.title")}</h1>
      <p className="lead">{t("editor.intro")}</p>
      <ProfileEditor profile={profile} labels={labels} errors={result?.errors} saved={saved} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "members:editor.title");
