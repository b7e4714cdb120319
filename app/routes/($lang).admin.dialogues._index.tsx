import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { requireRole } from "~/modules/auth/session.server";
import { listDialoguesForAdmin } from "~/modules/dialogues/admin.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "dialogues", "observations"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return { dialogues: await listDialoguesForAdmin(getRequestLocale(request)) };
}

export default function AdminDialogues() {
  const { t } = useTranslation("dialogues");
  const { to } = useLocale();
  const { dialogues } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>
        <Link className="button" to={to("/admin/dialogues/new")}>
          {t("admin.new")}
        </Link>
      </p>
      <ScrollableTable label={t("admin.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.dialogue")}</th>
              <th scope="col">{t("details.when")}</th>
              <th scope="col">{t("details.state")}</th>
              <th scope="col">{t("statuses.confirmed")}</th>
              <th scope="col">{t("statuses.waitlisted")}</th>
              <th scope="col">{t("statuses.pending")}</th>
              <th scope="col">{t("admin.registrants")}</th>
            </tr>
          </thead>
          <tbody>
            {dialogues.map((dialogue) => (
              <tr key={dialogue.id}>
                <th scope="row">
                  <Link to={to(`/admin/dialogues/${dialogue.id}`)}>{dialogue.title}</Link>
                </th>
                <td>{dialogue.when}</td>
                <td>{t(`states.${dialogue.state}`)}</td>
                <td>{dialogue.confirmed}</td>
                <td>{dialogue.waitlisted}</td>
                <td>{dialogue.pending}</td>
                <td>
                  <Link to={to(`/admin/dialogues/${dialogue.id}/registrations`)}>
                    {t("admin.registrants")}
                    <span className="visually-hidden">: {dialogue.title}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "dialogues:admin.title");
