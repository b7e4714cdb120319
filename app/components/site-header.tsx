import { Form, Link, NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";
import { useLocale } from "~/utils/i18n-react";
import { LanguageSwitcher } from "./language-switcher";

/** The header says "99+" beyond this (the root loader counts no further; see countUnread). */
const UNREAD_CAP = 99;

/** The areas in the main navigation: add an entry when an area ships. */
export const NAV_AREAS: Array<{ path: string; labelKey: string }> = [
  { path: "/", labelKey: "nav.home" },
  { path: "/courses", labelKey: "nav.courses" },
  { path: "/library", labelKey: "nav.library" },
  { path: "/search", labelKey: "nav.search" },
  { path: "/reviews", labelKey: "nav.reviews" },
  { path: "/dialogues", labelKey: "nav.dialogues" },
  { path: "/hub", labelKey: "nav.hub" },
];

export function SiteHeader() {
  const { t } = useTranslation();
  const { to } = useLocale();
  const user = useRouteLoaderData<RootData>("root")?.user;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="site-header__bar">
        <Link to={to("/")} className="brand">
          {t("appName")}
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <ul>
            {NAV_AREAS.map((area) => (
              <li key={area.path}>
                <NavLink to={to(area.path)} end={area.path === "/"}>
                  {t(area.labelKey)}
                </NavLink>
              </li>
            ))}
            {user?.role === "facilitator" ? (
              <li>
                <NavLink to={to("/facilitator")}>{t("nav.facilitator")}</NavLink>
              </li>
            ) : null}
            {user?.role === "secretariat" ? (
              <li>
                <NavLink to={to("/admin")}>{t("nav.admin")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="site-header__tools">
          <LanguageSwitcher />
          {user ? (
            <>
              <NavLink to={to("/account/notifications")} aria-label={t("nav.notificationsUnread", { count: user.unreadNotifications })}>
                {t("nav.notifications")}
                {user.unreadNotifications > 0 ? (
                  <span className="badge" aria-hidden="true">
                    {user.unreadNotifications > UNREAD_CAP ? `${UNREAD_CAP}+` : user.unreadNotifications}
                  </span>
                ) : null}
              </NavLink>
              <NavLink to={to("/account")}>{t("nav.account")}</NavLink>
              <Form method="post" action={to("/sign-out")}>
                <button type="submit" className="button-link">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to={to("/sign-in")}>{t("nav.signIn")}</NavLink>
              <NavLink to={to("/sign-up")} className="button button--small">
                {t("nav.signUp")}
              </NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
