import { NodePostgresAdapter } from "@lucia-auth/adapter-postgresql";
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Role } from "../../../db/schema";
import { getPool } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { SESSION_COOKIE } from "~/utils/cookies";

/**
 * The adapter reads a session and its user with two queries in parallel (two pool connections for
 * every signed-in request); one join does it. Sessions carry no attributes of their own.
 */
class OneQueryAdapter extends NodePostgresAdapter {
  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const { rows } = await getPool().query<Record<string, unknown>>(
      `select u.*, s.expires_at as "session:expires_at" from user_session s join app_user u on u.id = s.user_id where s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return [null, null];
    const { id, "session:expires_at": expiresAt, ...attributes } = row;
    return [
      { id: sessionId, userId: id as string, expiresAt: expiresAt as Date, attributes: {} },
      { id: id as string, attributes: attributes as unknown as DatabaseUser["attributes"] },
    ];
  }
}

/**
 * Lucia v3 is retired by its author, so it stays inside this module: the rest of the app talks
 * to ./session.server.ts and never imports lucia.
 */
function createLucia() {
  return new Lucia(new OneQueryAdapter(getPool(), { user: "app_user", session: "user_session" }), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: { secure: getEnv().NODE_ENV === "production", sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      displayName: attributes.display_name,
      role: attributes.role,
      preferredLocale: attributes.preferred_locale,
      emailVerified: attributes.email_verified_at !== null,
    }),
  });
}

const holder = globalThis as typeof globalThis & { __agoraLucia?: ReturnType<typeof createLucia> };

export function getLucia() {
  holder.__agoraLucia ??= createLucia();
  return holder.__agoraLucia;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: {
      email: string;
      display_name: string;
      role: Role;
      preferred_locale: string;
      email_verified_at: Date | null;
    };
  }
}
