import { describe, expect, it } from "vitest";
import { checkLocalePrefix, firstVisitRedirect, getLanguageVisit, localeCookie, rememberLanguage } from "./locale.server";

const remembering = async (locale: string) => (await localeCookie.serialize(locale)).split(";")[0]!;
const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

describe("locale rules", () => {
  it("tells a remembered language, a first visit and another language apart", async () => {
    expect(await getLanguageVisit("/courses", await remembering("en"))).toEqual({ locale: "en", path: "/courses", visit: "remembered" });
    expect(await getLanguageVisit("/ar/courses", await remembering("ar"))).toEqual({ locale: "ar", path: "/courses", visit: "remembered" });
    expect((await getLanguageVisit("/courses", undefined)).visit).toBe("first");
    expect((await getLanguageVisit("/courses", "other=1")).visit).toBe("first");
    // A prefixed address is never negotiated; a remembered other language is switched from.
    expect((await getLanguageVisit("/fr/courses", undefined)).visit).toBe("other");
    expect((await getLanguageVisit("/courses", await remembering("fr"))).visit).toBe("other");
    // A cookie that names none of our locales still remembers a language (as Remix reads it).
    expect((await getLanguageVisit("/courses", await remembering("xx"))).visit).toBe("other");
  });

  it("sends a first visit to an English address to the visitor's language, keeping the query", async () => {
    expect(await firstVisitRedirect(request("/courses?audience=ngo", { "accept-language": "fr-CH, fr;q=0.9, en;q=0.8" }))).toBe("/fr/courses?audience=ngo");
    expect(await firstVisitRedirect(request("/", { "accept-language": "ar" }))).toBe("/ar");
    expect(await firstVisitRedirect(request("/courses", { "accept-language": "de, en;q=0.5" }))).toBeNull();
    expect(await firstVisitRedirect(request("/courses", { "accept-language": "fr", cookie: await remembering("en") }))).toBeNull();
    expect(await firstVisitRedirect(request("/es/courses", { "accept-language": "fr" }))).toBeNull();
  });

  it("remembers the language of the page read unless the cookie names it", async () => {
    expect(await rememberLanguage(request("/ar/courses", { cookie: await remembering("ar") }))).toBeNull();
    expect(await rememberLanguage(request("/ar/courses", { cookie: await remembering("en") }))).toMatch(/^agora_lng=[^;]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(await localeCookie.parse(await rememberLanguage(request("/zh")))).toBe("zh");
  });

  it("takes our locale prefixes, drops /en and refuses others", () => {
    const url = (path: string) => new URL(`http://localhost${path}`);
    expect(checkLocalePrefix(undefined, url("/courses"))).toBe("ours");
    expect(checkLocalePrefix("fr", url("/fr/courses"))).toBe("ours");
    expect(checkLocalePrefix("xx", url("/xx/courses"))).toBe("unknown");
    expect(checkLocalePrefix("en", url("/en/courses?q=1"))).toEqual({ redirect: "/courses?q=1" });
    expect(checkLocalePrefix("en", url("/en"))).toEqual({ redirect: "/" });
    expect(checkLocalePrefix("en", url("/en//evil.com"))).toEqual({ redirect: "/evil.com" });
  });
});
