declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The CSP nonce of this response, for inline scripts. */
    nonce: string;
    /** The client's address, for rate limits (honours TRUST_PROXY). */
    ip: string;
    /** This request's id (X-Request-Id), for logs. */
    requestId: string;
  }
}

export {};

declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
