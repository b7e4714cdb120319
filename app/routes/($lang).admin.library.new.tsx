import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResourceEditor } from "~/components/library/resource-editor";
import { requireRole } from "~/modules/auth/session.server";
import { getNewResourceEditorView } from "~/modules/library/admin.server";
import { submitResourceForm } from "~/modules/library/admin-form.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "library"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return getNewResourceEditorView(getRequestLocale(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const outcome = await submitResourceForm(request, { actorId: user.id, originalSlug: null });
  if (!outcome.ok) return data(outcome, { status: 400 });
  return redirect(`${localePath(getRequestLocale(request), `/admin/library/${outcome.slug}`)}?saved=1`);
}

export default function NewResource() {
  const { t } = useTranslation("library");
  const { values, labels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.newTitle")}</h1>
      <ResourceEditor values={result?.values ?? values} errors={result?.errors} labels={labels} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "library:admin.newTitle");
