import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";

export function SiteFooter() {
  const { t } = useTranslation();
  const { to } = useLocale();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p className="site-footer__independent">
        {t("footer.independent")} <Link to={to("/about")}>{t("footer.aboutLink")}</Link>
      </p>
      <nav aria-label={t("footer.nav")}>
        <ul>
          <li>
            <Link to={to("/status")}>{t("footer.health")}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
