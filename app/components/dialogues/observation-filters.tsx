import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/ui/form";
import type { ObservationsPage } from "~/modules/dialogues/observation-views.server";
import { useLocale } from "~/utils/i18n-react";

/** The /observations filters: a GET form, so it works without JavaScript and every filter has an address. */
export function ObservationFilters({ query, choices }: { query: ObservationsPage["query"]; choices: ObservationsPage["choices"] }) {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const select = (name: "topic" | "cluster" | "year", options: Array<{ value: string; label: string }>, value: string | number | undefined) => (
    <FilterSelect id={`filter-${name}`} name={name} label={t(`list.${name}`)} any={t("list.any")} options={options} value={value === undefined ? undefined : String(value)} />
  );
  return (
    <Form method="get" className="filter-form" aria-label={t("list.filters")}>
      {select("topic", choices.topics.map((topic) => ({ value: topic.code, label: topic.title })), query.topic)}
      {select("cluster", choices.clusters.map((cluster) => ({ value: cluster.code, label: `${t("tags.cluster", { code: cluster.code })}: ${cluster.title}` })), query.cluster)}
      <div className="field">
        <label htmlFor="filter-article">{t("list.article")}</label>
        <input id="filter-article" name="article" defaultValue={query.article ?? ""} placeholder="untoc:5" aria-describedby="filter-article-hint" autoCapitalize="none" spellCheck={false} />
        <p id="filter-article-hint" className="field__hint">
          {t("list.articleHint")}
        </p>
      </div>
      {select("year", choices.years.map((year) => ({ value: String(year), label: String(year) })), query.year)}
      <p className="button-row">
        <button type="submit">{t("list.apply")}</button>
        <Link to={to("/observations")}>{t("list.clear")}</Link>
      </p>
    </Form>
  );
}
