import type { MiddlewareHandler } from "hono";

/**
 * Security headers on every response of a Worker, pages, JSON, errors and redirects alike.
 * A handler may set its own value of any of them (an asset its Cache-Control); the
 * middleware only fills in what is missing. One fixed list, no per-request work beyond
 * setting headers: the webhook is the hottest path (see BENCHMARKS.md).
 */

const COMMON = [
  "default-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "img-src 'self' data:",
];

/**
 * The chat Worker's pages: the web chat's script and every stylesheet are files of our own
 * origin (worker/assets.ts); nothing inline, no eval, the API on the same origin.
 */
export const CHAT_CSP = [
  ...COMMON,
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join("; ");

/** The staff pages run no script at all; their one stylesheet is a file. */
export const STAFF_CSP = [...COMMON, "style-src 'self'"].join("; ");

/** Two years, as browsers' preload lists expect; sent only over HTTPS (RFC 6797 §7.2). */
const HSTS = "max-age=63072000; includeSubDomains";

export function secureHeaders(csp: string): MiddlewareHandler {
  const fixed: [string, string][] = [
    ["Content-Security-Policy", csp],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "no-referrer"],
    // For browsers that predate frame-ancestors: no page of ours is ever framed (clickjacking).
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
    // Young people's data and staff pages must not stay in a shared phone's or a proxy's cache.
    ["Cache-Control", "no-store"],
  ];
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of fixed) if (!headers.has(name)) headers.set(name, value);
    if (c.req.url.startsWith("https:") && !headers.has("Strict-Transport-Security"))
      headers.set("Strict-Transport-Security", HSTS);
  };
}
