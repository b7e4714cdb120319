import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const REPORT_REASONS = ["spam", "abuse", "off_topic", "personal_data", "other"] as const;

/** "Useful" as a form button: one press marks, the next takes the mark back. */
export function UsefulButton({ targetType, targetId, count, marked, signedIn }: { targetType: "post" | "comment"; targetId: number; count: number; marked: boolean; signedIn: boolean }) {
  const { t } = useTranslation("hub");
  if (!signedIn) return <span className="card__meta">{t("usefulCount", { count })}</span>;
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="useful" />
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <button type="submit" className="button--secondary" aria-pressed={marked}>
        {marked ? t("post.unmarkUseful") : t("post.markUseful")} ({count})
      </button>
    </Form>
  );
}

/** Reporting a post or comment to the secretariat: a disclosure, so the page stays short. */
export function ReportForm({ targetType, targetId }: { targetType: "post" | "comment"; targetId: number }) {
  const { t } = useTranslation("hub");
  const id = `report-${targetType}-${targetId}`;
  return (
    <details className="report-form">
      <summary>{t("report.summary")}</summary>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t("report.reason")}</label>
          <select id={`${id}-reason`} name="reason" required>
            {REPORT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`report.reasons.${reason}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-details`}>{t("report.details")}</label>
          <textarea id={`${id}-details`} name="details" maxLength={1000} rows={3} />
        </div>
        <p>
          <button type="submit">{t("report.submit")}</button>
        </p>
      </Form>
    </details>
  );
}

/** A one-button form posting an intent (and a comment id) to the post page. */
export function IntentButton({ intent, label, commentId, secondary }: { intent: string; label: string; commentId?: number; secondary?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      {commentId !== undefined ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <button type="submit" className={secondary ? "button--secondary" : undefined}>
        {label}
      </button>
    </Form>
  );
}
