import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <nav aria-label={t("footer.nav")}>
        <ul>
          <li>
            <a href="/healthz">{t("footer.health")}</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
