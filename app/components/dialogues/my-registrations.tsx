import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";

type MyRegistration = { dialogueId: number; title: string; when: string; mode: string; status: string; attended: boolean };

/** A member's dialogue registrations on their account page, each linking to its dialogue. */
export function MyRegistrations({ registrations }: { registrations: MyRegistration[] }) {
  const { t } = useTranslation("dialogues");
  const { to } = useLocale();
  return (
    <section className="section" aria-labelledby="dialogue-registrations">
      <h2 id="dialogue-registrations">{t("account.title")}</h2>
      {registrations.length === 0 ? (
        <p>
          {t("account.none")} <Link to={to("/dialogues")}>{t("account.browse")}</Link>
        </p>
      ) : (
        <ul className="stack">
          {registrations.map((registration) => (
            <li key={registration.dialogueId}>
              <Link to={to(`/dialogues/${registration.dialogueId}`)}>{registration.title}</Link>
              <p className="meta">
                {registration.when} · {t(`modes.${registration.mode}`)} · {t(`statuses.${registration.attended ? "attended" : registration.status}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
