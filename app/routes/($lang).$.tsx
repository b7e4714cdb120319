import { notFound } from "~/utils/http.server";

/** Any address no route claims: a localized 404 page. */
export function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
