/**
 * The member directory: one query per page, filters that only match what the viewer may see
 * (filtering by a country never finds a member whose country is hidden from the viewer), and
 * hidden values replaced by null in SQL so they never reach the page.
 */
import { sql } from "kysely";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import { listCountries } from "~/modules/countries/countries.server";
import { getTreatyLabels } from "~/modules/treaty/treaty.server";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { getHubFigures } from "./figures.server";
import { LANGUAGES } from "./languages";
import { languageName } from "~/utils/format";
import type { DirectoryQuery } from "./members.schema.server";
import { visibleSql, type Viewer } from "./visibility.server";

export const DIRECTORY_PAGE_SIZE = 24;

/** The members a viewer may list: not erased, not suspended, profile visible to them. */
function listableMembers(viewer: Viewer) {
  return getDb()
    .selectFrom("app_user as u")
    .leftJoin("hub_profile as p", "p.user_id", "u.id")
    .where("u.deleted_at", "is", null)
    .where("u.suspended_at", "is", null)
    .where(visibleSql(viewer, "profile"));
}

export async function listDirectoryPage(viewer: Viewer, query: DirectoryQuery) {
  let rows = listableMembers(viewer);
  if (query.country) rows = rows.where("u.country_code", "=", query.country).where(visibleSql(viewer, "country"));
  if (query.kind) rows = rows.where("u.organization_kind", "=", query.kind).where(visibleSql(viewer, "organization"));
  if (query.language) rows = rows.where(sql<boolean>`p.languages @> array[${query.language}]::text[]`).where(visibleSql(viewer, "languages"));
  if (query.expertise) {
    const [type, ...rest] = query.expertise.split(":");
    const column = type === "instrument" ? "p.expertise_instruments" : type === "cluster" ? "p.expertise_clusters" : "p.expertise_articles";
    rows = rows.where(sql<boolean>`${sql.ref(column)} @> array[${rest.join(":")}]::text[]`).where(visibleSql(viewer, "expertise"));
  }
  if (query.reviewOf) {
    const party = query.reviewOf;
    rows = rows
      .where((eb) => eb.exists(eb.selectFrom("country_follow as f").select(sql`1`.as("one")).whereRef("f.user_id", "=", "u.id").where("f.party_code", "=", party)))
      .where(visibleSql(viewer, "follows"));
  }
  return rows
    .select([
      "u.id",
      sql<string>`coalesce(p.pseudonym, u.display_name)`.as("name"),
      sql<string | null>`case when ${visibleSql(viewer, "organization")} then u.organization_name end`.as("organization_name"),
      sql<string | null>`case when ${visibleSql(viewer, "organization")} then u.organization_kind end`.as("organization_kind"),
      sql<string | null>`case when ${visibleSql(viewer, "country")} then u.country_code end`.as("country_code"),
      sql<string[]>`case when ${visibleSql(viewer, "languages")} then coalesce(p.languages, '{}') else '{}' end`.as("languages"),
      sql<string[]>`case when ${visibleSql(viewer, "expertise")} then coalesce(p.expertise_instruments, '{}') else '{}' end`.as("instruments"),
      sql<boolean>`coalesce(p.illustrative, false)`.as("illustrative"),
      sql<string>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`lower(coalesce(p.pseudonym, u.display_name))`)
    .orderBy("u.id")
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((query.page - 1) * DIRECTORY_PAGE_SIZE)
    .execute();
}

/** The directory page: members of this page with labels in `locale`, the filter choices and the hub's figures. */
export async function getDirectoryView(viewer: Viewer, query: DirectoryQuery, locale: Locale) {
  const [rows, labels, figures] = await Promise.all([listDirectoryPage(viewer, query), getTreatyLabels(locale), getHubFigures()]);
  const countries = listCountries(locale);
  const countryName = new Map(countries.map((country) => [country.code, country.name]));
  const instrumentTitle = new Map(labels.instruments.map((item) => [item.code, item.title]));
  const total = Number(rows[0]?.total ?? 0);
  const collator = new Intl.Collator(locale);
  return {
    query,
    total,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
    members: rows.map((row) => ({
      id: row.id,
      name: row.name,
      organization: row.organization_name,
      organizationKind: row.organization_kind,
      country: row.country_code ? (countryName.get(row.country_code) ?? row.country_code) : null,
      languages: row.languages.map((code) => languageName(code, locale)),
      instruments: row.instruments.map((code) => instrumentTitle.get(code) ?? code),
      illustrative: row.illustrative,
    })),
    choices: {
      countries,
      kinds: ORGANIZATION_KINDS,
      languages: LANGUAGES.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name)),
      expertise: [
        ...labels.instruments.map((item) => ({ key: `instrument:${item.code}`, name: item.title })),
        ...labels.clusters.map((item) => ({ key: `cluster:${item.code}`, name: item.title })),
      ],
    },
    figures,
  };
}

export type DirectoryView = Awaited<ReturnType<typeof getDirectoryView>>;
