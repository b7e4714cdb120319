/**
 * Who may do what: every route file in app/routes, the address the matrix test visits for it,
 * and the status each role gets for GET (the loader, or the page) and for a POST to its action.
 * test/route-matrix.test.ts fails when a route file is missing here, when an entry names a file
 * that is gone, and when an entry's `post` does not match whether the file exports an action.
 *
 * Adding a route: add one line. Adding a role: add it to ROLES (test/route-matrix.test.ts signs
 * it in) and, where it differs from the role it falls back to (FALLBACK), give its status.
 *
 * POSTs carry a body no action accepts (`intent=matrix-probe`): the matrix checks the guard in
 * front of each action (302 to sign in, 403), and that a permitted role reaches validation (400)
 * without writing anything. Actions are also sent with a foreign Origin and must answer 403.
 */

export const ROLES = ["visitor", "member", "facilitator", "otherFacilitator", "secretariat"] as const;
export type Role = (typeof ROLES)[number];

/**
 * A role without a status of its own in an entry gets the status of the role it falls back to.
 * (Constructive dialogues add "facilitator of another dialogue", falling back to "facilitator"
 * everywhere except the dialogue routes.)
 */
export const FALLBACK: Partial<Record<Role, Role>> = { otherFacilitator: "facilitator" };

export type Statuses = Partial<Record<Role, number>>;

/** Fixtures the test looks up before visiting (a certificate held by someone else, a library slug). */
export type Fixtures = {
  certificateCode: string;
  resourceSlug: string;
  /** The upcoming demo dialogue (the demo facilitator's, not the other facilitator's) and a draft observation of it. */
  upcomingDialogueId: number;
  draftObservationId: number;
  /** The 2023 demo dialogue, held, its summary published. */
  heldDialogueId: number;
  /** A published demo event post of the hub, by none of the accounts the matrix signs in as. */
  hubEventPostId: number;
};

export type RouteCase = {
  /** The address visited; may use fixtures. */
  path: string | ((fixtures: Fixtures) => string);
  get: Statuses;
  /** Present exactly when the file exports an action. */
  post?: Statuses;
  /** The POST ends the session (sign-out): the test signs in afresh for it. */
  postEndsSession?: true;
  /**
   * The status of a POST from a foreign Origin or none, when the path is deliberately exempt from
   * the Origin check (one-click unsubscribe, RFC 8058: mail clients post it themselves). Else 403.
   */
  crossOriginStatus?: number;
};

const all = (status: number): Statuses => ({ visitor: status, member: status, facilitator: status, secretariat: status });
/** Signed-in people get `status`; visitors are sent to sign in. */
const signedIn = (status: number): Statuses => ({ visitor: 302, member: status, facilitator: status, secretariat: status });
/** The secretariat gets `status`; other signed-in people 403; visitors are sent to sign in. */
const secretariat = (status: number): Statuses => ({ visitor: 302, member: 403, facilitator: 403, secretariat: status });
/** The dialogue's own facilitators and the secretariat get `status`; a facilitator of another dialogue and members 403. */
const dialogueEditors = (status: number): Statuses => ({ visitor: 302, member: 403, facilitator: status, otherFacilitator: 403, secretariat: status });
/** Sign-in and sign-up pages: visitors see them, signed-in people go to their account. */
const anonymousOnly: Statuses = { visitor: 200, member: 302, facilitator: 302, secretariat: 302 };

export const ROUTE_MATRIX: Record<string, RouteCase> = {
  "($lang).tsx": { path: "/en/courses", get: all(302) },
  "($lang).$.tsx": { path: "/no-such-page", get: all(404) },
  "($lang)._index.tsx": { path: "/fr", get: all(200) },
  "($lang).account.tsx": { path: "/account", get: signedIn(200), post: signedIn(400) },
  "($lang).account_.learning.tsx": { path: "/account/learning", get: signedIn(200) },
  "($lang).admin._index.tsx": { path: "/admin", get: secretariat(200) },
  "($lang).admin.learning.tsx": { path: "/admin/learning", get: secretariat(200) },
  "($lang).admin.learning[.csv].tsx": { path: "/admin/learning.csv", get: secretariat(200) },
  "($lang).admin.library.$slug.tsx": { path: (f) => `/admin/library/${f.resourceSlug}`, get: secretariat(200), post: secretariat(400) },
  "($lang).admin.library._index.tsx": { path: "/admin/library", get: secretariat(200), post: secretariat(400) },
  "($lang).admin.library.new.tsx": { path: "/admin/library/new", get: secretariat(200), post: secretariat(400) },
  "($lang).admin.mail.tsx": { path: "/admin/mail", get: secretariat(200) },
  "($lang).admin.reviews.focal-points.tsx": { path: "/admin/reviews/focal-points", get: secretariat(200) },
  "($lang).admin.reviews.import.tsx": { path: "/admin/reviews/import", get: secretariat(200), post: secretariat(400) },
  "($lang).articles.$instrument.$number.tsx": { path: "/articles/untoc/5", get: all(200) },
  "($lang).certificates.$code.tsx": { path: (f) => `/certificates/${f.certificateCode}`, get: all(200) },
  // The holder and the secretariat only; for anyone else the certificate does not exist.
  "($lang).certificates.$code_.pdf.tsx": { path: (f) => `/certificates/${f.certificateCode}/pdf`, get: { visitor: 302, member: 404, facilitator: 404, secretariat: 200 } },
  "($lang).countries.$code.tsx": { path: "/countries/KEN", get: all(200), post: signedIn(400) },
  "($lang).countries._index.tsx": { path: "/countries", get: all(200) },
  "($lang).courses.$course.$lesson.tsx": { path: "/courses/review-mechanism/01-what-is-the-review-mechanism", get: all(200), post: signedIn(400) },
  "($lang).courses.$course._index.tsx": { path: "/courses/review-mechanism", get: all(200), post: signedIn(400) },
  "($lang).courses.$course.pdf.tsx": { path: "/courses/review-mechanism/pdf", get: signedIn(200) },
  "($lang).courses.$course.print.tsx": { path: "/courses/review-mechanism/print", get: signedIn(200) },
  "($lang).courses._index.tsx": { path: "/courses", get: all(200) },
  "($lang).forgot-password.tsx": { path: "/forgot-password", get: all(200), post: all(400) },
  "($lang).library.$slug.tsx": { path: (f) => `/library/${f.resourceSlug}`, get: all(200) },
  "($lang).library._index.tsx": { path: "/library", get: all(200) },
  "($lang).reset-password.tsx": { path: "/reset-password?token=not-a-token", get: all(200), post: all(400) },
  "($lang).reviews._index.tsx": { path: "/reviews", get: all(200) },
  "($lang).reviews.export.tsx": { path: "/reviews/export", get: all(200) },
  "($lang).reviews.list.tsx": { path: "/reviews/list", get: all(200) },
  "($lang).search.tsx": { path: "/search?q=review", get: all(200) },
  // A signed-in person posting to sign-in is sent to their account (the page's loader runs after the action).
  "($lang).sign-in.tsx": { path: "/sign-in", get: anonymousOnly, post: { visitor: 400, member: 302, facilitator: 302, secretariat: 302 } },
  // Signing out is allowed to anyone signed in, whatever the body.
  "($lang).sign-out.tsx": { path: "/sign-out", get: signedIn(200), post: signedIn(302), postEndsSession: true },
  "($lang).sign-up.tsx": { path: "/sign-up", get: anonymousOnly, post: { visitor: 400, member: 302, facilitator: 302, secretariat: 302 } },
  "($lang).verify-email.tsx": { path: "/verify-email?token=not-a-token", get: all(200) },
  "($lang).about.tsx": { path: "/about", get: all(200) },
  "($lang).status.tsx": { path: "/status", get: all(200) },
  "($lang).admin.dialogues._index.tsx": { path: "/admin/dialogues", get: secretariat(200) },
  "($lang).admin.dialogues.new.tsx": { path: "/admin/dialogues/new", get: secretariat(200), post: secretariat(400) },
  "($lang).admin.dialogues.$id.tsx": { path: (f) => `/admin/dialogues/${f.upcomingDialogueId}`, get: secretariat(200), post: secretariat(400) },
  "($lang).admin.dialogues.$id_.registrations.tsx": { path: (f) => `/admin/dialogues/${f.upcomingDialogueId}/registrations`, get: secretariat(200), post: secretariat(400) },
  "($lang).admin.dialogues.$id_.registrations[.csv].tsx": { path: (f) => `/admin/dialogues/${f.upcomingDialogueId}/registrations.csv`, get: secretariat(200) },
  "($lang).dialogues._index.tsx": { path: "/dialogues", get: all(200) },
  "($lang).dialogues.$id.tsx": { path: (f) => `/dialogues/${f.upcomingDialogueId}`, get: all(200), post: signedIn(400) },
  "($lang).dialogues.$id_.observations.tsx": { path: (f) => `/dialogues/${f.upcomingDialogueId}/observations`, get: dialogueEditors(200), post: dialogueEditors(400) },
  "($lang).dialogues.$id_.observations_.$observation.tsx": {
    path: (f) => `/dialogues/${f.upcomingDialogueId}/observations/${f.draftObservationId}`,
    get: dialogueEditors(200),
    post: dialogueEditors(400),
  },
  // Before publication the summary is a preview for the dialogue's editors; for anyone else it does not exist yet.
  "($lang).dialogues.$id_.summary.tsx": {
    path: (f) => `/dialogues/${f.upcomingDialogueId}/summary`,
    get: { visitor: 404, member: 404, facilitator: 200, otherFacilitator: 404, secretariat: 200 },
    post: dialogueEditors(400),
  },
  "($lang).dialogues.$id_.summary[.]pdf.tsx": { path: (f) => `/dialogues/${f.heldDialogueId}/summary.pdf`, get: all(200) },
  "($lang).facilitator.tsx": { path: "/facilitator", get: { visitor: 302, member: 403, facilitator: 200, secretariat: 200 } },
  "($lang).observations.tsx": { path: "/observations", get: all(200) },
  "($lang).hub._index.tsx": { path: "/hub", get: all(200) },
  "($lang).hub.new.tsx": { path: "/hub/new", get: signedIn(200), post: signedIn(400) },
  "($lang).hub.posts.$id.tsx": { path: (f) => `/hub/posts/${f.hubEventPostId}`, get: all(200), post: signedIn(400) },
  // Only its author and the secretariat may edit a post; for anyone else the edit page does not exist.
  "($lang).hub.posts.$id_.edit.tsx": { path: (f) => `/hub/posts/${f.hubEventPostId}/edit`, get: { visitor: 302, member: 404, facilitator: 404, secretariat: 200 }, post: signedIn(400) },
  "($lang).admin.hub.tsx": { path: "/admin/hub", get: secretariat(200), post: secretariat(400) },
  "hub.posts.$id.event[.]ics.ts": { path: (f) => `/hub/posts/${f.hubEventPostId}/event.ics`, get: all(200) },
  "dialogues.$id.calendar[.]ics.ts": { path: (f) => `/dialogues/${f.upcomingDialogueId}/calendar.ics`, get: all(200) },
  "dialogues.$id.participation[.]json.ts": { path: (f) => `/dialogues/${f.heldDialogueId}/participation.json`, get: all(200) },
  "dialogues[.]ics.ts": { path: "/dialogues.ics", get: all(200) },
  "dialogues[.]json.ts": { path: "/dialogues.json", get: all(200) },
  "healthz.ts": { path: "/healthz", get: all(200) },
  "readyz.ts": { path: "/readyz", get: all(200) },
  "library.$slug.file.$locale.ts": { path: (f) => `/library/${f.resourceSlug}/file/xx`, get: all(404) },
  "library[.]json.ts": { path: "/library.json?q=review", get: all(200) },
  "reviews.export.$file.ts": { path: "/reviews/export/parties.csv", get: all(200) },
  "reviews.list[.]csv.ts": { path: "/reviews/list.csv", get: all(200) },
  "reviews.stats[.]json.ts": { path: "/reviews/stats.json", get: all(200) },
  "search[.]json.ts": { path: "/search.json?q=review", get: all(200) },
  // The hub's people side: a directory and profiles (a demo member whose profile is public), follows, the member's own pages.
  "($lang).hub_.members._index.tsx": { path: "/hub/members", get: all(200) },
  "($lang).hub_.members.$id.tsx": { path: "/hub/members/demohub0001", get: all(200) },
  "($lang).hub_.follow.tsx": { path: "/hub/follow", get: all(302), post: signedIn(400) },
  // The token is the permission: no sign-in, and a bad token is a 400 page for everyone.
  "($lang).hub_.unsubscribe.tsx": { path: "/hub/unsubscribe?token=not-a-token", get: all(400), post: all(400), crossOriginStatus: 400 },
  "($lang).account_.profile.tsx": { path: "/account/profile", get: signedIn(200), post: signedIn(400) },
  "($lang).account_.notifications.tsx": { path: "/account/notifications", get: signedIn(200), post: signedIn(400) },
  "($lang).account_.data.tsx": { path: "/account/data", get: signedIn(200), post: signedIn(400) },
  "account.data[.]json.ts": { path: "/account/data.json", get: signedIn(200) },
};

/** The status `role` gets, following FALLBACK when an entry does not name it. */
export function statusFor(statuses: Statuses, role: Role): number {
  for (let current: Role | undefined = role; current; current = FALLBACK[current]) {
    const status = statuses[current];
    if (status !== undefined) return status;
  }
  throw new Error(`No status for ${role}`);
}
