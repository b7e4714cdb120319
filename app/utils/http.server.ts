
/** Throws a 404 that the error boundary renders as a localized page. */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * The address people reach Agora at, for links in e-mails, certificates and open data: PUBLIC_URL,
 * else (development, tests) the configured HOST and PORT. Never a request header: a forged `Host`
 * would otherwise put an attacker's address into a password-reset e-mail. Production refuses to
 * start without PUBLIC_URL (scripts/lib/config.ts).
 */
export function getPublicOrigin(): string {
  if (process.env.PUBLIC_URL) return new URL(process.env.PUBLIC_URL).origin;
  const host = process.env.HOST && !["0.0.0.0", "::", ""].includes(process.env.HOST) ? process.env.HOST : "localhost";
  return `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT ?? 3000}`;
}

