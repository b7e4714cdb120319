import type { HeadersFunction } from "@remix-run/node";

/** For routes whose actions answer with headers of their own (Retry-After on a 429). */
export const passActionHeaders: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
