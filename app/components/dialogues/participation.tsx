import { useTranslation } from "react-i18next";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { numberFormat } from "~/utils/format";

type Participation = {
  organizations: Record<string, number>;
  states: number;
  igos: number;
  attendees: { in_person: number; online: number };
  observations: number;
};

/** Who took part in a held dialogue, as a table (the same figures as participation.json). */
export function ParticipationTable({ participation, jsonHref }: { participation: Participation; jsonHref: string }) {
  const { t, i18n } = useTranslation("dialogues");
  const number = numberFormat(i18n.language);
  const nonGovernmental = ["ngo", "academia", "private_sector", "other"].reduce((sum, kind) => sum + (participation.organizations[kind] ?? 0), 0);
  const rows: Array<[string, number]> = [
    [t("participation.ngo"), participation.organizations.ngo ?? 0],
    [t("participation.academia"), participation.organizations.academia ?? 0],
    [t("participation.private_sector"), participation.organizations.private_sector ?? 0],
    [t("participation.other"), participation.organizations.other ?? 0],
    [t("participation.nonGovernmental"), nonGovernmental],
    [t("participation.states"), participation.states],
    [t("participation.igos"), participation.igos],
    [t("participation.inPerson"), participation.attendees.in_person],
    [t("participation.online"), participation.attendees.online],
    [t("participation.observations"), participation.observations],
  ];
  return (
    <section aria-labelledby="participation">
      <h2 id="participation">{t("participation.title")}</h2>
      <p>{t("participation.summary", { nonGovernmental: number.format(nonGovernmental), states: number.format(participation.states), igos: number.format(participation.igos) })}</p>
      <ScrollableTable label={t("participation.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("participation.who")}</th>
              <th scope="col">{t("participation.count")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{number.format(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <p className="meta">
        <a href={jsonHref}>{t("participation.openData")}</a>
      </p>
    </section>
  );
}

/** The organizations that agreed to be listed publicly (names only: no personal data). */
export function OrganizationList({ organizations }: { organizations: Array<{ name: string; kind: string }> }) {
  const { t } = useTranslation("dialogues");
  if (organizations.length === 0) return null;
  return (
    <section aria-labelledby="organizations">
      <h2 id="organizations">{t("organizations.title")}</h2>
      <p className="meta">{t("organizations.note")}</p>
      <ul className="columns">
        {organizations.map((organization) => (
          <li key={`${organization.kind}:${organization.name}`}>{organization.name}</li>
        ))}
      </ul>
    </section>
  );
}
