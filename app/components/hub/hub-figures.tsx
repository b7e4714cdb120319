import { useTranslation } from "react-i18next";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import type { HubFigures as Figures } from "~/modules/hub/figures.server";
import { numberFormat } from "~/utils/format";

/**
 * The hub in the paper's words ("533 members from 136 countries"), from live data, with the
 * organizations by kind as a data table (numbers readable by screen readers, not a picture).
 */
export function HubFigures({ figures, headingLevel = 2 }: { figures: Figures; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation(["members", "common"]);
  const number = numberFormat(i18n.language);
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="section" aria-labelledby="hub-figures">
      <Heading id="hub-figures">{t("figures.title")}</Heading>
      <p className="lead">
        {t("figures.sentence", {
          members: t("figures.members", { count: figures.members, formatted: number.format(figures.members) }),
          countries: t("figures.countries", { count: figures.countries, formatted: number.format(figures.countries) }),
        })}
      </p>
      <ScrollableTable label={t("figures.byKindCaption")}>
        <table>
          <caption>{t("figures.byKindCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("figures.kind")}</th>
              <th scope="col">{t("figures.organizations")}</th>
              <th scope="col">{t("figures.membersColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {figures.byKind.map((row) => (
              <tr key={row.kind}>
                <th scope="row">{t(`common:organizationKinds.${row.kind}`)}</th>
                <td>{number.format(row.organizations)}</td>
                <td>{number.format(row.members)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("figures.total")}</th>
              <td>{number.format(figures.organizations)}</td>
              <td>{number.format(figures.members)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollableTable>
    </section>
  );
}
