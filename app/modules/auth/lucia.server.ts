import { NodePostgresAdapter } from "@lucia-auth/adapter-postgresql";
import { Lucia, TimeSpan } from "lucia";
import type { Role } from "../../../db/schema";
import { getPool } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { SESSION_COOKIE } from "~/utils/cookies";

/**
 * Lucia v3 is retired by its author, so it stays inside this module: the rest of the app talks
 * to ./session.server.ts and never imports lucia.
 */
function createLucia() {
  return new Lucia(new NodePostgresAdapter(getPool(), { user: "app_user", session: "user_session" }), {
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
