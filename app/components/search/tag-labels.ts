import type { TFunction } from "i18next";
import { LOCALE_NAMES, isLocale } from "~/utils/i18n";
import type { FacetName } from "~/modules/search/search.schema";

export type FacetLabels = {
  instruments: Record<string, string>;
  clusters: Record<string, string>;
  stages: Record<string, string>;
  countries: Record<string, string>;
};

/** The reader-facing label of one facet value, e.g. cluster "I" → "Cluster I: Criminalization…". */
export function facetValueLabel(t: TFunction, labels: FacetLabels, facet: FacetName, value: string): string {
  switch (facet) {
    case "kind":
      return t(`library:kinds.${value}`);
    case "type":
      return t(`library:types.${value}`);
    case "instrument":
      return labels.instruments[value] ?? value;
    case "article": {
      const [instrument, number] = value.split(":");
      return t("library:articleLabel", { instrument: t(`library:instrumentsShort.${instrument}`), number });
    }
    case "cluster":
      return `${t("library:clusterLabel", { code: value })}${labels.clusters[value] ? `: ${labels.clusters[value]}` : ""}`;
    case "stage":
      return labels.stages[value] ?? value;
    case "audience":
      return t(`library:audiences.${value}`);
    case "language":
      return isLocale(value) ? LOCALE_NAMES[value] : value;
    case "country":
      return labels.countries[value] ?? value;
    case "year":
      return value;
  }
}
