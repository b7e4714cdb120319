import type { SessionUser } from "~/modules/auth/session.server";
import { toCsv } from "~/utils/csv.server";
import { listRegistrants, type Registrant } from "./admin.server";
import type { RegistrantQuery } from "./dialogues.schema.server";
import { findDialogue } from "./queries.server";

/** The registrants of a dialogue `viewer` may see, filtered as the list page is, as CSV; null for an unknown dialogue. */
export async function getRegistrantsCsv(dialogueId: number, query: RegistrantQuery, viewer: Pick<SessionUser, "id" | "role">) {
  if (!(await findDialogue(dialogueId, viewer))) return null;
  return toRegistrantsCsv(await listRegistrants(dialogueId, query, 100_000));
}

/** The registrant list as CSV, one row per registration. */
function toRegistrantsCsv(registrants: Registrant[]): string {
  const header = ["id", "status", "mode", "priority", "attended", "name", "email", "organization", "organization_kind", "country", "list_publicly", "statement", "accessibility_needs", "check_in_code", "decision_reason", "registered_at"];
  const rows = registrants.map((row) => [
    row.id,
    row.status,
    row.mode,
    row.priority ? "yes" : "no",
    row.attended ? "yes" : "no",
    row.name,
    row.email,
    row.organization,
    row.kind,
    row.country,
    row.listPublicly ? "yes" : "no",
    row.statement,
    row.accessibilityNeeds,
    row.checkInCode,
    row.reason,
    row.registeredAt,
  ]);
  return toCsv([header, ...rows]);
}
