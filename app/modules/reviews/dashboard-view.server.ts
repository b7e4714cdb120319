/**
 * The review dashboard (/reviews) as one display-ready view: the figures of stats.ts for the
 * visible groups, language combinations named in the reader's language, shares as percentages
 * and dates formatted.
 */
import { combinationName, formatCalendarDate, formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { derivedFromStatus, getDashboard } from "./queries.server";
import type { ReviewFilters } from "./reviews.schema.server";
import { percent, stageFigures } from "./stats";
import { GROUPS, MINISTRIES } from "./vocabulary";

export function getDashboardView(filters: ReviewFilters, locale: Locale) {
  // The same for every reader of a language and filter until the next import: computed once.
  return derivedFromStatus(`dashboard|${locale}|${filters.group ?? ""}|${filters.cluster ?? ""}`, () => computeDashboardView(filters, locale));
}

async function computeDashboardView(filters: ReviewFilters, locale: Locale) {
  const dashboard = await getDashboard(filters, locale);
  const { stats } = dashboard;
  const focalPoints = stats.focalPoints;
  return {
    ...dashboard,
    filters,
    filterQuery: new URLSearchParams({ ...(filters.group ? { group: String(filters.group) } : {}), ...(filters.cluster ? { cluster: filters.cluster } : {}) }).toString(),
    referenceDate: dashboard.reference.date ? formatCalendarDate(dashboard.reference.date, locale) : null,
    womenShare: percent(focalPoints.women, focalPoints.current),
    ministries: MINISTRIES.map((ministry) => ({ ministry, count: focalPoints.byMinistry[ministry], share: percent(focalPoints.byMinistry[ministry], focalPoints.current) })),
    groups: GROUPS.filter((group) => !filters.group || group === filters.group).map((group) => ({ group, ...stageFigures(stats.reviews.byGroup[String(group) as "1"]) })),
    /** Combinations by number of reviews (then name), then the reviews without agreed languages; label null for those. */
    languageRows: [
      ...Object.entries(stats.languages.combinations)
        .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
        .map(([key, count]) => ({ key, label: combinationName(key, locale) as string | null, count })),
      ...(stats.languages.notAgreed ? [{ key: "none", label: null, count: stats.languages.notAgreed }] : []),
    ],
    overdue: dashboard.overdue.map((item) => ({ ...item, since: formatCalendarDate(item.since, locale), dueOn: formatCalendarDate(item.dueOn, locale), daysLate: formatNumber(item.daysLate, locale) })),
  };
}

export type DashboardView = Awaited<ReturnType<typeof getDashboardView>>;
