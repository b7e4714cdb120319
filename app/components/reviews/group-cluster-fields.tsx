import { useTranslation } from "react-i18next";
import { CLUSTERS } from "~/modules/treaty/vocabulary";
import { GROUPS } from "~/modules/reviews/vocabulary";

/** The group and cluster selects shared by the review filter forms (plain GET forms). */
export function GroupClusterFields({ group, cluster }: { group?: number | null; cluster?: string | null }) {
  const { t } = useTranslation("reviews");
  return (
    <>
      <div className="field">
        <label htmlFor="group">{t("dashboard.group")}</label>
        <select id="group" name="group" defaultValue={group ? String(group) : ""}>
          <option value="">{t("dashboard.allGroups")}</option>
          {GROUPS.map((value) => (
            <option key={value} value={value}>
              {t("groupLabel", { group: value })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cluster">{t("dashboard.cluster")}</label>
        <select id="cluster" name="cluster" defaultValue={cluster ?? ""}>
          <option value="">{t("dashboard.allClusters")}</option>
          {CLUSTERS.map((value) => (
            <option key={value} value={value}>
              {t("clusterLabel", { cluster: value })}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
