import { Hono } from "hono";
import { t } from "../../shared/i18n/index.ts";
import { lazy } from "../../shared/lazy.ts";
import { DEFAULT_LOCALE, isRtl, toLocale, type Locale } from "../../shared/locales.ts";
import { assetPath, contentHash } from "../assets.ts";
import { CHAT_ASSETS, chatScriptAsset, chatStyle } from "../pages/chat.tsx";
import { icon, iconPath, ICON_SIZES } from "../pages/icon.ts";
import { OfflinePage, offlineScript } from "../pages/offline.tsx";

/**
 * The installable web chat (issue 17): its web app manifest, its icons, the service worker
 * that keeps the shell's files and the offline page, and that page. The CSP stays the chat
 * Worker's (worker/security-headers.ts: `manifest-src` and `worker-src` 'self', no inline
 * script); none of these responses holds anything about a young person.
 */
export const pwaRoutes = new Hono<{ Bindings: Env }>();

export const MANIFEST_PATH = "/manifest.webmanifest";
export const SERVICE_WORKER_PATH = "/sw.js";
export const OFFLINE_PATH = "/offline";

/** The manifest, in the page's language (its name is a proper name; its description is not). */
export function manifest(locale: Locale) {
  return {
    id: "/",
    name: "Passerelle",
    short_name: "Passerelle",
    description: t(locale, "appDescription"),
    lang: locale,
    dir: isRtl(locale) ? "rtl" : "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f4f1ea",
    theme_color: "#1f4e79",
    icons: [
      ...ICON_SIZES.map((size) => ({
        src: iconPath(size),
        sizes: `${size}x${size}`,
        type: "image/png",
        purpose: "any",
      })),
      // The drawing stays inside the maskable safe zone (worker/pages/icon.ts).
      { src: iconPath(512), sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

/** The files the service worker keeps, fetched once when it installs. */
function shellFiles(): string[] {
  return [
    OFFLINE_PATH,
    assetPath(CHAT_ASSETS, chatStyle),
    assetPath(CHAT_ASSETS, chatScriptAsset),
    assetPath(CHAT_ASSETS, offlineScript),
    ...ICON_SIZES.map(iconPath),
  ];
}

/**
 * The service worker. Pages of the young people: the network first, the offline page when
 * there is none. The shell's files: from its cache (their names change with their content).
 * Never the API (personal data is never cached) nor the staff pages (left alone).
 */
export const serviceWorkerScript = lazy(() => {
  const files = shellFiles();
  // A new offline page or new files make a new cache; the old one is dropped on activation.
  const version = contentHash(files.join("\n") + String(<OfflinePage />));
  return `
const CACHE = "passerelle-shell-${version}";
const FILES = ${JSON.stringify(files)};
const PAGES = ["/", "/parcours", "${OFFLINE_PATH}"];
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("passerelle-shell-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (!PAGES.includes(url.pathname)) return;
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match("${OFFLINE_PATH}"))));
    return;
  }
  if (FILES.includes(url.pathname))
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(url.pathname)).then((hit) => hit || fetch(request)));
});
// A roadmap reminder (worker/push/send.ts), in the young person's language; a tap opens the chat.
self.addEventListener("push", (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) {}
  event.waitUntil(self.registration.showNotification(data.title || "Passerelle", {
    body: data.body || "", lang: data.lang, dir: data.dir, icon: "${iconPath(192)}", tag: "passerelle-reminder",
  }));
});
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: "window" }).then((windows) => {
    for (const w of windows) if ("focus" in w) return w.focus();
    return self.clients.openWindow("/");
  }));
});
`;
});

pwaRoutes.get(MANIFEST_PATH, (c) => {
  const locale = c.req.query("locale") ? toLocale(c.req.query("locale")) : DEFAULT_LOCALE;
  return c.body(JSON.stringify(manifest(locale)), 200, {
    "Content-Type": "application/manifest+json; charset=utf-8",
    "Cache-Control": "public, max-age=86400",
  });
});

pwaRoutes.get(SERVICE_WORKER_PATH, (c) =>
  c.body(serviceWorkerScript(), 200, {
    "Content-Type": "text/javascript; charset=utf-8",
    // Browsers check for a new service worker on each visit: never a stale one.
    "Cache-Control": "no-cache",
  }),
);

pwaRoutes.get(OFFLINE_PATH, (c) => {
  // Nothing personal in it: the service worker keeps a copy (no-cache, not no-store).
  c.header("Cache-Control", "no-cache");
  return c.html(<OfflinePage />);
});

for (const size of ICON_SIZES)
  pwaRoutes.get(iconPath(size), async (c) =>
    c.body((await icon(size)).slice().buffer, 200, {
      "Content-Type": "image/png",
      "Cache-Control": "public, max-age=604800",
    }),
  );
