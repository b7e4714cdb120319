/**
 * Server settings that must be right before anything starts. A wrong one stops the process with
 * one sentence saying what to set, never a stack trace.
 */
import { isIP } from "node:net";

export class ConfigError extends Error {}

const TRUST_PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY as Express documents `trust proxy`: `true`/`false`, a number of hops, or a
 * comma-separated list of addresses, subnets (CIDR) and the names loopback, linklocal and
 * uniquelocal. Handing Express the raw string would read `1` as the address 0.0.0.1.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const validPrefix = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (isIP(address ?? "") === 6 ? 128 : 32)) || isIP(prefix) === 4;
    if (extra !== undefined || (!TRUST_PROXY_NAMES.has(entry) && !(isIP(address ?? "") && validPrefix))) {
      throw new ConfigError(
        `TRUST_PROXY=${raw} is not understood: use true, false, a number of proxy hops (e.g. 1), or a comma-separated list of addresses, subnets or loopback/linklocal/uniquelocal.`,
      );
    }
  }
  return entries;
}

/** Checks the settings a server needs; throws a ConfigError with one sentence. */
export function checkServerConfig(env: NodeJS.ProcessEnv = process.env) {
  parseTrustProxy(env.TRUST_PROXY);
  if (env.PUBLIC_URL) {
    let url: URL | undefined;
    try {
      url = new URL(env.PUBLIC_URL);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new ConfigError(`PUBLIC_URL=${env.PUBLIC_URL} is not an http(s) address: set it to the address people use, e.g. PUBLIC_URL=https://agora.example.org.`);
    }
  } else if (env.NODE_ENV === "production") {
    throw new ConfigError(
      "PUBLIC_URL is not set: in production Agora builds the links in its e-mails and certificates from it, so set it to the address people use (e.g. PUBLIC_URL=https://agora.example.org, or PUBLIC_URL=http://localhost:3000 on your own machine).",
    );
  }
}

/** For entry points: check, and on a ConfigError print its sentence and exit 1. */
export function checkServerConfigOrExit() {
  try {
    checkServerConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
