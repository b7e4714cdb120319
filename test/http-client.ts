/**
 * Drives the running app over HTTP like a browser without JavaScript: a cookie jar, same-origin
 * form posts, and a made-up client address per client (the app trusts X-Forwarded-For from
 * loopback in tests) so rate limits of one test do not leak into another.
 */
import { randomInt } from "node:crypto";

export type TestResponse = { status: number; headers: Headers; text: string; location: string | null; url: string };

export class TestClient {
  readonly baseUrl: string;
  readonly ip: string;
  private cookies = new Map<string, string>();
  acceptLanguage = "en";

  constructor(baseUrl = process.env.APP_URL!) {
    this.baseUrl = baseUrl;
    this.ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  private storeCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0/i.test(attribute) || /^\s*expires=thu, 01 jan 1970/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string>; follow?: boolean } = {}): Promise<TestResponse> {
    let url = new URL(path, this.baseUrl).toString();
    let method = init.method ?? "GET";
    let body = init.body;
    for (let hop = 0; hop < 10; hop++) {
      const headers: Record<string, string> = {
        "Accept-Language": this.acceptLanguage,
        "X-Forwarded-For": this.ip,
        ...(this.cookies.size ? { Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
        ...init.headers,
      };
      const response = await fetch(url, { method, body, headers, redirect: "manual" });
      this.storeCookies(response.headers);
      const location = response.headers.get("location");
      if (init.follow && location && response.status >= 300 && response.status < 400) {
        url = new URL(location, url).toString();
        method = "GET";
        body = undefined;
        continue;
      }
      return { status: response.status, headers: response.headers, text: await response.text(), location, url };
    }
    throw new Error("Too many redirects");
  }

  get(path: string, options: { follow?: boolean; headers?: Record<string, string> } = {}) {
    return this.request(path, options);
  }

  /** A form post as a browser sends it: urlencoded, with our own Origin. */
  post(path: string, fields: Record<string, string | string[]>, options: { follow?: boolean; headers?: Record<string, string> } = {}) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    return this.request(path, {
      method: "POST",
      body,
      follow: options.follow,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.baseUrl, ...options.headers },
    });
  }
}

/** Decodes the few entities React writes, for asserting on visible text. */
export function visibleText(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}
