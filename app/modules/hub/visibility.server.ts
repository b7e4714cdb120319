/**
 * Who sees which profile field. A visitor sees 'public' fields, a signed-in member 'public' and
 * 'members' fields; the member themselves and the secretariat see everything. The rule is applied
 * in SQL (a hidden value never leaves the database) and the same rule in TypeScript for views.
 *
 * Members without a hub_profile row have the column defaults of the hub migration (a missing
 * row is read as defaults; the row is created when the member first saves the editor).
 */
import { sql, type RawBuilder } from "kysely";
import type { Visibility } from "../../../db/schema/hub";
import type { Role } from "../../../db/schema/platform";

export type Viewer = { id: string; role: Role } | null;

/** The defaults of hub_profile's *_visibility columns, for members without a row. */
export const DEFAULT_VISIBILITY = {
  profile: "members",
  organization: "members",
  country: "members",
  languages: "members",
  expertise: "members",
  follows: "private",
  bio: "members",
  links: "members",
  certificates: "private",
} as const satisfies Record<string, Visibility>;
export type VisibilityField = keyof typeof DEFAULT_VISIBILITY;

export function levelsFor(viewer: Viewer): Visibility[] {
  if (!viewer) return ["public"];
  if (viewer.role === "secretariat") return ["public", "members", "private"];
  return ["public", "members"];
}

/** Whether `viewer` sees a field of `ownerId` with this visibility. */
export function canSee(viewer: Viewer, ownerId: string, visibility: Visibility): boolean {
  return viewer?.id === ownerId || levelsFor(viewer).includes(visibility);
}

/**
 * SQL: true when the viewer sees `field` of the row's member. Needs `u` (app_user) and a left
 * join `p` (hub_profile) in the query.
 */
export function visibleSql(viewer: Viewer, field: VisibilityField): RawBuilder<boolean> {
  const column = sql.ref(`p.${field}_visibility`);
  const levels = levelsFor(viewer);
  const owner = viewer ? sql`or u.id = ${viewer.id}` : sql``;
  return sql<boolean>`(coalesce(${column}, ${DEFAULT_VISIBILITY[field]}) in (${sql.join(levels)}) ${owner})`;
}
