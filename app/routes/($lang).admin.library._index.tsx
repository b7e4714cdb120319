import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { getAdminLibraryView } from "~/modules/library/admin.server";
import { submitResourceListAction } from "~/modules/library/admin-form.server";
import { AdminResourceQuery } from "~/modules/library/library.schema.server";
import { respond } from "~/utils/http.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { formatDay } from "~/utils/format";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "library"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return getAdminLibraryView(AdminResourceQuery.parse(Object.fromEntries(new URL(request.url).searchParams)));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  return respond(await submitResourceListAction(request, user.id));
}

export default function AdminLibrary() {
  const { t, i18n } = useTranslation("library");
  const { to } = useLocale();
  const { resources, q, page, hasMore } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.intro")}</p>
      {done === "deleted" || done === "statusChanged" || done === "saved" ? <Notice>{t(`admin.${done}`)}</Notice> : null}
      <p>
        <Link className="button" to={to("/admin/library/new")}>
          {t("admin.new")}
        </Link>
      </p>
      <Form method="get" className="search-form">
        <label htmlFor="q">{t("admin.filter")}</label>
        <div className="search-form__row">
          <input id="q" name="q" type="search" defaultValue={q} />
          <button type="submit">{t("searchSubmit")}</button>
        </div>
      </Form>
      {resources.length === 0 ? (
        <p>{t("admin.empty")}</p>
      ) : (
        <ScrollableTable label={t("admin.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.editionTitle")}</th>
                <th scope="col">{t("admin.type")}</th>
                <th scope="col">{t("admin.status")}</th>
                <th scope="col">{t("admin.languages")}</th>
                <th scope="col">{t("admin.updated")}</th>
                <th scope="col">{t("admin.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((resource) => (
                <tr key={resource.slug}>
                  <td>
                    <Link to={to(`/library/${resource.slug}`)}>{resource.title ?? resource.slug}</Link>
                    <br />
                    <span className="meta">{resource.slug}</span>
                  </td>
                  <td>{t(`types.${resource.type}`)}</td>
                  <td>{t(`admin.statuses.${resource.status}`)}</td>
                  <td>{resource.locales.join(", ")}</td>
                  <td>{formatDay(resource.updated_at, i18n.language)}</td>
                  <td className="actions-cell">
                    <Link to={to(`/admin/library/${resource.slug}`)}>{t("admin.edit")}</Link>{" "}
                    <Form method="post">
                      <input type="hidden" name="slug" value={resource.slug} />
                      <button type="submit" name="intent" value={resource.status === "published" ? "unpublish" : "publish"} className="button-link">
                        {t(resource.status === "published" ? "admin.unpublish" : "admin.publish")}
                        <span className="visually-hidden">: {resource.title ?? resource.slug}</span>
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="slug" value={resource.slug} />
                      {/* The title, hidden, tells screen-reader users which of the many "Delete" buttons this is. */}
                      <button type="submit" name="intent" value="delete" className="button-link">
                        {t("admin.delete")}
                        <span className="visually-hidden">: {resource.title ?? resource.slug}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <nav className="pagination" aria-label={t("pagination")}>
        {page > 1 ? <Link to={`?${new URLSearchParams({ q, page: String(page - 1) })}`}>{t("previous")}</Link> : null}
        {hasMore ? <Link to={`?${new URLSearchParams({ q, page: String(page + 1) })}`}>{t("next")}</Link> : null}
      </nav>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "library:admin.title");
