import type { SessionUser } from "~/modules/auth/session.server";
import { requireUser } from "~/modules/auth/session.server";
import { getDb, type Executor } from "~/utils/db.server";

/** Whether `user` may read drafts and write observations of a dialogue: its facilitators and the secretariat. */
export async function canEditObservations(user: Pick<SessionUser, "id" | "role"> | null, dialogueId: number, executor: Executor = getDb()) {
  if (!user) return false;
  if (user.role === "secretariat") return true;
  if (user.role !== "facilitator") return false;
  const row = await executor
    .selectFrom("dialogue_facilitator")
    .select("user_id")
    .where("dialogue_id", "=", dialogueId)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  return !!row;
}

/** The signed-in facilitator of this dialogue (or secretariat); anyone else gets 403. */
export async function requireObservationEditor(request: Request, dialogueId: number): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!(await canEditObservations(user, dialogueId))) throw new Response("Forbidden", { status: 403 });
  return user;
}
