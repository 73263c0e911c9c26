import { Hono } from "hono";

/**
 * Static files (the web chat's script, the pages' stylesheets), served by the Worker itself
 * under a name that carries a hash of their content: the pages' CSP allows only same-origin
 * scripts and styles (no inline code), browsers keep a file for a year, and a deploy that
 * changes it changes its URL.
 */

export type Asset = { name: string; ext: "js" | "css"; body: string };

const TYPES = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" } as const;
const paths = new WeakMap<Asset, string>();

/** FNV-1a over UTF-16 code units, two seeds: a cache-busting name, not a security check. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000197);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0").slice(0, 4);
}

/** The asset's URL path under `prefix` (e.g. "/assets"), computed once per isolate. */
export function assetPath(prefix: string, asset: Asset): string {
  let path = paths.get(asset);
  if (!path) {
    path = `${prefix}/${asset.name}.${contentHash(asset.body)}.${asset.ext}`;
    paths.set(asset, path);
  }
  return path;
}

/**
 * Serves `assets` at `${prefix}/<name>.<hash>.<ext>`; any other name (an old hash too) goes on
 * to the app's later routes (the staff paths' sign-in redirect, or the 404).
 */
export function assetRoutes(prefix: string, assets: () => Asset[]): Hono<{ Bindings: Env }> {
  const routes = new Hono<{ Bindings: Env }>();
  routes.get(`${prefix}/:file`, (c, next) => {
    const wanted = `${prefix}/${c.req.param("file")}`;
    const asset = assets().find((a) => assetPath(prefix, a) === wanted);
    if (!asset) return next();
    return c.body(asset.body, 200, {
      "Content-Type": TYPES[asset.ext],
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });
  return routes;
}
