import { redirect } from "@remix-run/node";
import type { Role } from "../../../db/schema";
import { localePath, signInPath, splitLocalePath, type Locale } from "~/utils/i18n";
import { getLucia } from "./lucia.server";

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  preferredLocale: string;
  emailVerified: boolean;
};

type SessionCheck = { user: SessionUser | null; setCookie?: string };

/**
 * One session check per request: the root loader, the page's loader and its guards all ask, and
 * Remix hands them the same Request object (an action's loaders get a new one, so a sign-in or
 * sign-out in the action is seen by them).
 */
const checksOfRequests = new WeakMap<Request, Promise<SessionCheck>>();

/** The signed-in user, or null. Refreshes the session cookie when Lucia extends the session. */
export function getSessionUser(request: Request): Promise<SessionCheck> {
  let check = checksOfRequests.get(request);
  if (!check) checksOfRequests.set(request, (check = checkSession(request)));
  return check;
}

async function checkSession(request: Request): Promise<SessionCheck> {
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("cookie") ?? "");
  if (!sessionId) return { user: null };
  // Lucia writes to the database only when the session is past half its 30 days (it extends it then).
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined;
  return { user, setCookie };
}

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const { locale } = splitLocalePath(url.pathname);
  return redirect(signInPath(locale, `${url.pathname}${url.search}`));
}

/** The signed-in user; visitors are sent to sign in and brought back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const { user } = await getSessionUser(request);
  if (!user) throw signInRedirect(request);
  return user;
}

/** The signed-in user holding one of `roles` (secretariat holds every role); others get 403. */
export async function requireRole(request: Request, roles: Role | Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  const allowed = Array.isArray(roles) ? roles : [roles];
  if (user.role !== "secretariat" && !allowed.includes(user.role)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}

/** For sign-in and sign-up pages: a signed-in user goes to their account instead. */
export async function requireAnonymous(request: Request, locale: Locale) {
  const { user } = await getSessionUser(request);
  if (user) throw redirect(localePath(locale, "/account"));
}

/** Starts a new session (a new id at every sign-in) and returns its Set-Cookie header. */
export async function createUserSession(userId: string): Promise<string> {
  const lucia = getLucia();
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** Ends this session; returns the Set-Cookie header that clears the cookie. */
export async function signOut(request: Request): Promise<string> {
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of the user, on every device. */
export async function signOutEverywhere(userId: string): Promise<string> {
  const lucia = getLucia();
  await lucia.invalidateUserSessions(userId);
  return lucia.createBlankSessionCookie().serialize();
}

/** The Set-Cookie header that clears the session cookie (after the account's sessions were deleted). */
export function clearSessionCookie(): string {
  return getLucia().createBlankSessionCookie().serialize();
}
