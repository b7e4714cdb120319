import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES, localePath, splitLocalePath } from "~/utils/i18n";
import { useLocale } from "~/utils/i18n-react";

/** Plain links to the current page in every language: works without JavaScript. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const location = useLocation();
  const { path } = splitLocalePath(location.pathname);
  return (
    <details className="language-switcher">
      <summary>
        <span className="visually-hidden">{t("nav.language")}: </span>
        <span lang={locale}>{LOCALE_NAMES[locale]}</span>
      </summary>
      <ul aria-label={t("nav.chooseLanguage")}>
        {LOCALES.map((code) => (
          <li key={code}>
            <a
              href={`${localePath(code, path)}${location.search}`}
              lang={code}
              hrefLang={code}
              aria-current={code === locale ? "true" : undefined}
            >
              {LOCALE_NAMES[code]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
