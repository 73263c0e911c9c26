import type { Context } from "hono";

/**
 * Whether a state-changing request comes from another site. Fetch Metadata first:
 * `Sec-Fetch-Site` (every current browser) says it even when the Origin header says "null",
 * which is what browsers send on a form post from a page with `Referrer-Policy: no-referrer`
 * (ours). Without it, a present Origin other than "null" must be ours.
 */
export function isCrossSite(c: Context): boolean {
  const site = c.req.header("Sec-Fetch-Site");
  if (site !== undefined) return site !== "same-origin" && site !== "none";
  const origin = c.req.header("Origin");
  return origin !== undefined && origin !== "null" && origin !== new URL(c.req.url).origin;
}
