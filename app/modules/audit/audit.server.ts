import type { Executor } from "~/utils/db.server";

/** Records a secretariat change in the audit log, inside the change's own transaction. */
export async function recordAudit(
  executor: Executor,
  entry: { actorId: string | null; action: string; entityType: string; entityId?: string | null; details?: Record<string, unknown> },
) {
  await executor
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
