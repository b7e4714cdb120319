import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/ui/form";
import type { DirectoryView } from "~/modules/hub/directory.server";
import { numberFormat } from "~/utils/format";
import { useLocale } from "~/utils/i18n-react";

function pageLink(search: string, page: number) {
  const params = new URLSearchParams(search);
  params.set("page", String(page));
  return `?${params}`;
}

/** The directory: a GET form of filters (every filter has an address), the members of this page, pagination. */
export function MemberDirectory({ view }: { view: DirectoryView }) {
  const { t, i18n } = useTranslation(["members", "common"]);
  const { to } = useLocale();
  const location = useLocation();
  const number = numberFormat(i18n.language);
  const { query, choices } = view;
  const expertiseChoices = choices.expertise.some((item) => item.key === query.expertise) || !query.expertise ? choices.expertise : [...choices.expertise, { key: query.expertise, name: query.expertise }];
  const select = (name: "country" | "kind" | "language" | "expertise" | "reviewOf", options: Array<{ value: string; label: string }>, value: string | undefined) => (
    <FilterSelect id={`filter-${name}`} name={name} label={t(`directory.filters.${name}`)} any={t("directory.filters.any")} options={options} value={value} />
  );
  const countryOptions = choices.countries.map((country) => ({ value: country.code, label: country.name }));
  return (
    <div className="search-layout">
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("directory.count", { count: view.total, formatted: number.format(view.total) })}</h2>
        {view.members.length === 0 ? (
          <p>{t("directory.none")}</p>
        ) : (
          <ul className="results">
            {view.members.map((member) => (
              <li key={member.id} className="result">
                <h3>
                  <Link to={to(`/hub/members/${member.id}`)}>{member.name}</Link>
                </h3>
                <p className="meta">
                  {[member.organization, member.organizationKind ? t(`common:organizationKinds.${member.organizationKind}`) : null, member.country].filter(Boolean).join(" · ")}
                </p>
                {member.languages.length ? <p className="meta">{t("directory.speaks", { languages: member.languages.join(", ") })}</p> : null}
                {member.instruments.length ? (
                  <ul className="tag-list" aria-label={t("profile.expertise")}>
                    {member.instruments.map((instrument) => (
                      <li key={instrument} className="tag">
                        {instrument}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {member.illustrative ? <p className="meta">{t("illustrative.short")}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {view.pageCount > 1 ? (
          <nav className="pagination" aria-label={t("directory.pagination")}>
            {query.page > 1 ? <Link to={pageLink(location.search, query.page - 1)}>{t("directory.previous")}</Link> : null}
            <span>{t("directory.page", { page: query.page, pages: view.pageCount })}</span>
            {query.page < view.pageCount ? <Link to={pageLink(location.search, query.page + 1)}>{t("directory.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
      <aside className="search-facets" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t("directory.filters.title")}</h2>
        <Form method="get" className="filter-form">
          {select("country", countryOptions, query.country)}
          {select("kind", choices.kinds.map((kind) => ({ value: kind, label: t(`common:organizationKinds.${kind}`) })), query.kind)}
          {select("language", choices.languages.map((language) => ({ value: language.code, label: language.name })), query.language)}
          {select("expertise", expertiseChoices.map((item) => ({ value: item.key, label: item.name })), query.expertise)}
          {select("reviewOf", countryOptions, query.reviewOf)}
          <p className="field__hint">{t("directory.filters.privacyNote")}</p>
          <p className="button-row">
            <button type="submit">{t("directory.filters.apply")}</button>
            <Link to={to("/hub/members")}>{t("directory.filters.clear")}</Link>
          </p>
        </Form>
      </aside>
    </div>
  );
}
