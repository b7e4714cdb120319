import type { Namespace } from "~/utils/route-handle";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The CSP nonce of this response, for inline scripts. */
    nonce: string;
    /** The client's address, for rate limits (honours TRUST_PROXY). */
    ip: string;
    /** This request's id (X-Request-Id), for logs. */
    requestId: string;
    /** The translation namespaces of the page being rendered, from its routes' handles (decision 0035). */
    i18nNamespaces: readonly Namespace[];
  }
}

export {};

declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
