/** Locales, directions and locale-prefixed paths: shared by server and browser. */
export const LOCALES = ["en", "fr", "es", "ar", "zh", "ru", "pt"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each locale's name in its own language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ar: "العربية",
  zh: "中文",
  ru: "Русский",
  pt: "Português",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function getDirection(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** Splits `/fr/courses` into `fr` and `/courses`; English pages have no prefix. */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
  const [, first, ...rest] = pathname.split("/");
  if (isLocale(first) && first !== DEFAULT_LOCALE) {
    return { locale: first, path: `/${rest.join("/")}` };
  }
  return { locale: DEFAULT_LOCALE, path: pathname || "/" };
}

/** The path of `path` (which starts with "/") in `locale`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/**
 * The translation namespaces a page needs, from its path (without locale prefix). The root
 * loader sends only these, so a page carries the strings of its own area, not of every area.
 */
const AREA_NAMESPACES: Array<[RegExp, string[]]> = [
  [/^\/hub\/(members|follow)(\/|$)/, ["members"]],
  [/^\/hub\/unsubscribe(\/|$)/, ["notifications"]],
  [/^\/(library|search)(\/|$)/, ["library"]],
  [/^\/articles(\/|$)/, ["library", "observations"]],
  [/^\/(courses|certificates)(\/|$)/, ["courses"]],
  [/^\/account\/learning(\/|$)/, ["courses", "account"]],
  [/^\/(reviews|countries)(\/|$)/, ["reviews", "library", "dialogues"]],
  [/^\/(dialogues|observations|facilitator)(\/|$)/, ["dialogues", "observations"]],
  [/^\/admin\/library(\/|$)/, ["admin", "library"]],
  [/^\/admin\/learning(\/|$)/, ["admin", "courses"]],
  [/^\/admin\/reviews(\/|$)/, ["admin", "reviews"]],
  [/^\/admin\/dialogues(\/|$)/, ["admin", "dialogues", "observations"]],
  [/^\/admin\/hub(\/|$)/, ["admin", "moderation", "hub"]],
  [/^\/admin(\/|$)/, ["admin", "library", "courses", "reviews", "dialogues", "moderation"]],
  [/^\/account\/notifications(\/|$)/, ["notifications"]],
  [/^\/account\/(profile|data)(\/|$)/, ["members", "account"]],
  [/^\/(account|sign-in|sign-up|sign-out|forgot-password|reset-password|verify-email)(\/|$)/, ["auth", "account", "dialogues"]],
  [/^\/hub(\/|$)/, ["hub", "members"]],
  [/^\/about\/?$/, ["about"]],
];

export function namespacesFor(path: string): string[] {
  const match = AREA_NAMESPACES.find(([pattern]) => pattern.test(path));
  return ["common", ...(match?.[1] ?? [])];
}

/** The sign-in page in `locale`, bringing the user back to `returnTo` (a path) afterwards. */
export function signInPath(locale: Locale, returnTo: string): string {
  return `${localePath(locale, "/sign-in")}?${new URLSearchParams({ redirectTo: returnTo })}`;
}
