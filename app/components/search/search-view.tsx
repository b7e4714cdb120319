import { Form, Link, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNonce } from "~/components/nonce";
import type { SearchPageData } from "~/modules/search/search-page.server";
import { ONE_AT_A_TIME, type FacetName } from "~/modules/search/search.schema";
import { LOCALE_NAMES } from "~/utils/i18n";
import { useLocale } from "~/utils/i18n-react";
import { HighlightedText } from "./highlighted";
import { facetValueLabel } from "./tag-labels";
import { numberFormat } from "~/utils/format";

type Props = {
  data: SearchPageData;
  title: string;
  intro: string;
  /** Facets shown in the sidebar, in order. */
  facets: FacetName[];
  jsonPath: string;
  children?: ReactNode;
};

/** The address with `value` of facet `name` picked (added, or instead of the others for a one-at-a-time facet) or removed. */
function withParam(search: string, name: FacetName, value: string, on: boolean) {
  const params = new URLSearchParams(search);
  const values = ONE_AT_A_TIME.includes(name) && on ? [] : params.getAll(name).filter((existing) => existing !== value);
  params.delete(name);
  for (const existing of on ? [...values, value] : values) params.append(name, existing);
  params.delete("page");
  const query = params.toString();
  return query ? `?${query}` : "?";
}

function pageLink(search: string, page: number) {
  const params = new URLSearchParams(search);
  params.set("page", String(page));
  return `?${params}`;
}

/**
 * A search page: a plain GET form, facet links, results and pagination — all working without
 * JavaScript. With JavaScript, results follow the typing (debounced, replacing history): on a
 * first visit through the small public/scripts/live-search.js (the page is not hydrated, decision
 * 0037), inside the hydrated app (after client-side navigation) through the input's onChange.
 */
export function SearchView({ data, title, intro, facets, jsonPath, children }: Props) {
  const { t, i18n } = useTranslation("library");
  const { to } = useLocale();
  const location = useLocation();
  const submit = useSubmit();
  const nonce = useNonce();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const { result, query, labels } = data;
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  const number = numberFormat(i18n.language);
  // A resource edition in another language opens as that edition, in the reader's interface language.
  const hitLink = (hit: SearchPageData["result"]["hits"][number]) =>
    hit.kind === "resource" && hit.locale !== i18n.language ? `${to(hit.path)}?edition=${hit.locale}` : to(hit.path);
  const activeFilters = facets.flatMap((facet) => (query.filters[facet] ?? []).map((value) => ({ facet, value })));
  const hasFilters = facets.some((facet) => result.facets[facet]?.length);

  return (
    <>
      <h1>{title}</h1>
      {/* Once the reader searches, the results matter more than the introduction (on a phone, a whole screen of it). */}
      {query.q || activeFilters.length ? null : <p className="lead">{intro}</p>}
      {children}
      <Form method="get" role="search" className="search-form" data-live-search="">
        <label htmlFor="q">{t("searchLabel")}</label>
        <div className="search-form__row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={600}
            placeholder={t("searchPlaceholder")}
            autoComplete="off"
            onChange={(event) => {
              const form = event.currentTarget.form;
              clearTimeout(timer.current);
              timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 250);
            }}
          />
          {activeFilters.map(({ facet, value }) => (
            <input key={`${facet}:${value}`} type="hidden" name={facet} value={value} />
          ))}
          <button type="submit">{t("searchSubmit")}</button>
        </div>
      </Form>

      {result.notices.map((notice) => (
        <p key={notice} className={`alert ${notice === "limitedResults" ? "alert--info" : "alert--error"}`} role="status">
          {t(`notices.${notice}`)}
        </p>
      ))}

      <div className="search-layout">

        <section className="search-results" aria-labelledby="results-heading" aria-busy={navigation.state === "loading"}>
          <h2 id="results-heading" aria-live="polite">
            {t("results", { count: result.total, formattedCount: number.format(result.total) })} {query.q ? t("resultsFor", { q: query.q }) : null}
          </h2>
          {/* On a narrow screen the filters come after the results: a way down to them. */}
          {hasFilters ? (
            <p className="search-results__to-filters">
              <a href="#filters-heading">{t("filters")}</a>
            </p>
          ) : null}
          {activeFilters.length ? (
            <ul className="tag-list" aria-label={t("filters")}>
              {activeFilters.map(({ facet, value }) => (
                <li key={`${facet}:${value}`}>
                  <Link className="tag" to={withParam(location.search, facet, value, false)} aria-label={t("removeFilter", { label: facetValueLabel(t, labels, facet, value) })}>
                    {facetValueLabel(t, labels, facet, value)} ✕
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {result.hits.length === 0 ? <p>{t("noResults")}</p> : null}
          <ol className="results">
            {result.hits.map((hit) => (
              <li key={hit.id} className="result">
                <h3>
                  <Link to={hitLink(hit)} lang={hit.locale}>
                    <HighlightedText parts={hit.title} />
                  </Link>
                </h3>
                <p className="meta">
                  {t(`types.${hit.type}`)}
                  {hit.year ? ` · ${hit.year}` : ""}
                  {hit.country ? ` · ${labels.countries[hit.country] ?? hit.country}` : ""}
                  {hit.locale !== i18n.language ? ` · ${LOCALE_NAMES[hit.locale]}` : ""}
                </p>
                <p lang={hit.locale}>
                  <HighlightedText parts={hit.snippet} />
                </p>
                {hit.clusters.length || hit.stages.length ? (
                  <ul className="tag-list">
                    {hit.clusters.map((code) => (
                      <li key={code}>
                        <Link className="tag" to={withParam(location.search, "cluster", code, true)}>
                          {t("clusterLabel", { code })}
                        </Link>
                      </li>
                    ))}
                    {hit.stages.slice(0, 3).map((code) => (
                      <li key={code}>
                        <Link className="tag" to={withParam(location.search, "stage", code, true)}>
                          {labels.stages[code] ?? code}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav className="pagination" aria-label={t("pagination")}>
              {result.page > 1 ? <Link to={pageLink(location.search, result.page - 1)}>{t("previous")}</Link> : null}
              <span>{t("page", { page: result.page, pages })}</span>
              {result.page < pages ? <Link to={pageLink(location.search, result.page + 1)}>{t("next")}</Link> : null}
            </nav>
          ) : null}
          <p className="meta">
            <a href={`${jsonPath}${location.search}`}>{t("openData")}</a>
          </p>
        </section>
        {hasFilters ? (
          <aside className="search-facets" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{t("filters")}</h2>
            {activeFilters.length ? (
              <p>
                <Link to={query.q ? `?q=${encodeURIComponent(query.q)}` : "?"}>{t("clearFilters")}</Link>
              </p>
            ) : null}
            {facets.map((facet) => {
              const all = result.facets[facet] ?? [];
              // Picked values always show, however far down the list, so each can be undone.
              const values = [...all.slice(0, 40), ...all.slice(40).filter(({ value }) => query.filters[facet]?.includes(value))];
              if (values.length === 0) return null;
              return (
                <details key={facet} className="facet" data-facet={facet} open={Boolean(query.filters[facet]?.length) || ["type", "cluster", "language"].includes(facet)}>
                  <summary>{t(`facets.${facet}`)}</summary>
                  <ul>
                    {values.map(({ value, count }) => {
                      const active = query.filters[facet]?.includes(value) ?? false;
                      return (
                        <li key={value}>
                          <Link to={withParam(location.search, facet, value, !active)} aria-current={active ? "true" : undefined} preventScrollReset>
                            {active ? "✓ " : ""}
                            {facetValueLabel(t, labels, facet, value)} <span className="facet__count">({number.format(count)})</span>
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </details>
              );
            })}
          </aside>
        ) : null}
      </div>
      <script src="/scripts/live-search.js" defer nonce={nonce} />
    </>
  );
}
