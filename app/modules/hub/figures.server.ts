/**
 * The hub in figures, the way the paper puts it ("533 members from 136 countries"): active
 * members (not erased, not suspended), the countries they come from and their organizations by
 * kind. Counts only: a hidden country is counted, never named, so no member is revealed by it.
 */
import { sql } from "kysely";
import { ORGANIZATION_KINDS, type OrganizationKind } from "../../../db/schema/platform";
import { getDb } from "~/utils/db.server";

export type HubFigures = {
  members: number;
  countries: number;
  organizations: number;
  byKind: Array<{ kind: OrganizationKind; organizations: number; members: number }>;
};

/**
 * The figures change slowly and cost a pass over every member: the feed and the directory share
 * one computation per minute instead of paying it on every request (and concurrent requests share
 * the one in flight).
 */
const FIGURES_TTL_MS = 60_000;
let cached: { at: number; figures: Promise<HubFigures> } | undefined;

export function getHubFigures(): Promise<HubFigures> {
  if (!cached || Date.now() - cached.at > FIGURES_TTL_MS) {
    const figures = computeHubFigures();
    cached = { at: Date.now(), figures };
    // A failed computation is not kept: the next request tries again.
    figures.catch(() => {
      if (cached?.figures === figures) cached = undefined;
    });
  }
  return cached.figures;
}

async function computeHubFigures(): Promise<HubFigures> {
  // One pass over active members, grouped by kind; organizations are told apart by their name, case aside.
  const rows = await getDb()
    .selectFrom("app_user")
    .where("deleted_at", "is", null)
    .where("suspended_at", "is", null)
    .select([
      "organization_kind",
      sql<string>`count(*)`.as("members"),
      sql<string>`count(distinct lower(trim(organization_name))) filter (where trim(organization_name) <> '')`.as("organizations"),
      sql<string[]>`array_agg(distinct country_code) filter (where country_code is not null)`.as("countries"),
    ])
    .groupBy("organization_kind")
    .execute();
  const countries = new Set(rows.flatMap((row) => row.countries ?? []));
  const byKind = ORGANIZATION_KINDS.map((kind) => {
    const row = rows.find((item) => item.organization_kind === kind);
    return { kind, organizations: Number(row?.organizations ?? 0), members: Number(row?.members ?? 0) };
  });
  return {
    members: byKind.reduce((sum, row) => sum + row.members, 0),
    countries: countries.size,
    organizations: byKind.reduce((sum, row) => sum + row.organizations, 0),
    byKind,
  };
}
