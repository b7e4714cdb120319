/**
 * The account vocabulary that pages render (sign-up, the profile form), importable by the
 * browser bundle: unlike auth.schema.server.ts, which the browser build leaves empty, so a value
 * taken from there renders nothing in the browser and breaks hydration.
 */
export { ORGANIZATION_KINDS, type OrganizationKind } from "../../../db/schema/platform";
