import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/ui/form";
import { CLUSTERS } from "~/modules/treaty/vocabulary";
import { GROUPS } from "~/modules/reviews/vocabulary";

/** The group and cluster selects shared by the review filter forms (plain GET forms). */
export function GroupClusterFields({ group, cluster }: { group?: number | null; cluster?: string | null }) {
  const { t } = useTranslation("reviews");
  return (
    <>
      <FilterSelect id="group" name="group" label={t("dashboard.group")} any={t("dashboard.allGroups")} options={GROUPS.map((value) => ({ value: String(value), label: t("groupLabel", { group: value }) }))} value={group ? String(group) : undefined} />
      <FilterSelect id="cluster" name="cluster" label={t("dashboard.cluster")} any={t("dashboard.allClusters")} options={CLUSTERS.map((value) => ({ value, label: t("clusterLabel", { cluster: value }) }))} value={cluster ?? undefined} />
    </>
  );
}
