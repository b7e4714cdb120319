import { useTranslation } from "react-i18next";
import type { DataNotice as Notice } from "~/modules/provenance/notice";

/**
 * Says that the data on this page are illustrative, where they come from and what that means.
 * Renders nothing for real data: a page passes the notice its view returned (null once the
 * secretariat has imported real data), so the notice follows the data, not the page.
 */
export function DataNotice({ notice, id, lang }: { notice: Notice | null | undefined; id?: string; lang?: string }) {
  const { t } = useTranslation("common");
  if (!notice) return null;
  return (
    <aside className="alert alert--info data-notice" role="note" aria-label={t("dataNotice.label")} id={id} data-dataset={notice.dataset} lang={lang}>
      <p>
        <strong>{t("dataNotice.title")}</strong> {t(`dataNotice.datasets.${notice.dataset}`)}
      </p>
      {notice.note ? <p>{notice.note}</p> : null}
      <p className="data-notice__source">{t("dataNotice.source", { source: notice.description })}</p>
    </aside>
  );
}
