import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResourceEditor } from "~/components/library/resource-editor";
import { Notice } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { getResourceEditorView } from "~/modules/library/admin.server";
import { submitResourceForm } from "~/modules/library/admin-form.server";
import { notFound } from "~/utils/http.server";
import { isLocale, LOCALE_NAMES, LOCALES, localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "library"] });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const requested = new URL(request.url).searchParams.get("edition");
  const view = await getResourceEditorView(params.slug ?? "", getRequestLocale(request), isLocale(requested) ? requested : undefined);
  if (!view) notFound();
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const outcome = await submitResourceForm(request, { actorId: user.id, originalSlug: params.slug ?? null });
  if (!outcome.ok) return data(outcome, { status: 400 });
  return redirect(`${localePath(getRequestLocale(request), `/admin/library/${outcome.slug}`)}?saved=1`);
}

export default function EditResource() {
  const { t } = useTranslation("library");
  const { to } = useLocale();
  const { slug, values, labels, edition, editions, currentFile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <h1>{t("admin.editTitle")}</h1>
      {searchParams.get("saved") ? <Notice>{t("admin.saved")}</Notice> : null}
      <p>
        <Link to={to(`/library/${slug}`)}>{values.title || slug}</Link>
      </p>
      <p>
        {t("admin.editOtherEdition")}{" "}
        {LOCALES.filter((code) => code !== edition).map((code) => (
          <span key={code}>
            <Link to={`?edition=${code}`}>
              {LOCALE_NAMES[code]}
              {editions.includes(code) ? "" : " +"}
            </Link>{" "}
          </span>
        ))}
      </p>
      <ResourceEditor key={edition} values={result?.values ?? values} errors={result?.errors} labels={labels} currentFile={currentFile} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "library:admin.editTitle");
