import { toCsv } from "~/utils/csv.server";
import type { Registrant } from "./admin.server";

/** The registrant list as CSV, one row per registration. */
export function toRegistrantsCsv(registrants: Registrant[]): string {
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
