import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NotificationsView } from "~/modules/hub/notifications.server";
import { formatDateTime } from "~/utils/format";
import { useLocale } from "~/utils/i18n-react";

/** The member's notifications, each a sentence with its link and a plain form to mark it read. */
export function NotificationList({ view }: { view: NotificationsView }) {
  const { t } = useTranslation("notifications");
  const { locale, to } = useLocale();
  const location = useLocation();
  return (
    <>
      <p>{t("summary", { count: view.unread })}</p>
      {view.unread > 0 ? (
        <Form method="post" action={`${location.pathname}${location.search}`}>
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit">{t("markAllRead")}</button>
        </Form>
      ) : null}
      {view.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="notification-list">
          {view.items.map((item) => (
            <li key={item.id} className={item.read ? undefined : "notification--unread"}>
              <p>
                {item.read ? null : <span className="badge">{t("unread")}</span>} {item.path ? <Link to={item.path}>{item.text}</Link> : item.text}
              </p>
              <p className="meta">
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)} UTC</time>
              </p>
              {item.read ? null : (
                <Form method="post" action={`${location.pathname}${location.search}`}>
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="button-link" aria-label={t("markReadNamed", { text: item.text })}>
                    {t("markRead")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ol>
      )}
      {view.pageCount > 1 ? (
        <nav className="pagination" aria-label={t("pagination")}>
          {view.page > 1 ? <Link to={`?page=${view.page - 1}`}>{t("previous")}</Link> : null}
          <span>{t("page", { page: view.page, pages: view.pageCount })}</span>
          {view.page < view.pageCount ? <Link to={`?page=${view.page + 1}`}>{t("next")}</Link> : null}
        </nav>
      ) : null}
      <p>
        <Link to={to("/account/profile")}>{t("digestSettings")}</Link>
      </p>
    </>
  );
}
