import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/modules/auth/session.server";
import { MailOutboxQuery } from "~/modules/mail/mail.schema.server";
import { getMailOutboxView } from "~/modules/mail/mail.server";
import { pageMeta } from "~/utils/meta";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { formatDateTime } from "~/utils/format";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "library", "courses", "reviews", "dialogues", "moderation"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return getMailOutboxView(MailOutboxQuery.parse(Object.fromEntries(new URL(request.url).searchParams)));
}

export default function AdminMail() {
  const { t, i18n } = useTranslation("admin");
  const { messages, page, to, hasMore } = useLoaderData<typeof loader>();
  const pageLink = (target: number) => `?${new URLSearchParams({ ...(to ? { to } : {}), page: String(target) })}`;
  return (
    <>
      <h1>{t("mail.title")}</h1>
      <p>{t("mail.intro")}</p>
      <Form method="get" className="form">
        <div className="field">
          <label htmlFor="to">{t("mail.filter")}</label>
          <input id="to" name="to" type="email" defaultValue={to} />
        </div>
        <p>
          <button type="submit">{t("mail.filterSubmit")}</button>
        </p>
      </Form>
      {messages.length === 0 ? (
        <p>{t("mail.empty")}</p>
      ) : (
        <ScrollableTable label={t("mail.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("mail.createdAt")}</th>
                <th scope="col">{t("mail.to")}</th>
                <th scope="col">{t("mail.subject")}</th>
                <th scope="col">{t("mail.kind")}</th>
                <th scope="col">{t("mail.status")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{formatDateTime(message.createdAt, i18n.language)}</td>
                  <td>{message.to}</td>
                  <td>
                    <details>
                      <summary>{message.subject}</summary>
                      <pre className="mail-body">{message.body}</pre>
                    </details>
                  </td>
                  <td>{message.kind}</td>
                  <td>{message.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <nav className="pagination" aria-label={t("mail.title")}>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t("mail.newer")}</Link> : null}
        {hasMore ? <Link to={pageLink(page + 1)}>{t("mail.older")}</Link> : null}
      </nav>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "admin:mail.title");
