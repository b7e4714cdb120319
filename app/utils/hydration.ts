/** A route's `handle`: `hydrate: false` serves the page without JavaScript (decision 0033). */
export type RouteHandle = { hydrate?: boolean };

/** The handle of a reading page that works fully as HTML: no scripts, no serialized loader data. */
export const READING_PAGE: RouteHandle = { hydrate: false };
