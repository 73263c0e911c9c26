import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/index.ts";
import { LOCALES } from "../../../shared/locales.ts";

/**
 * Issue 17, item 2: the installable web chat. The manifest and its icons, the service worker
 * and what it keeps, the offline page with the emergency numbers in every language, the page
 * weight of a first visit.
 */

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`https://passerelle.test${path}`, { headers }));

type Manifest = {
  id: string;
  name: string;
  description: string;
  lang: string;
  dir: string;
  start_url: string;
  scope: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
};

/** A PNG's width and height, read from its IHDR chunk (and its signature checked). */
function pngSize(bytes: Uint8Array): [number, number] {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe("IHDR");
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

async function gzipSize(body: ArrayBuffer): Promise<number> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe("the web app manifest", () => {
  it("should be linked from the chat page, in its language, and served typed with the security headers", async () => {
    const page = await (await get("/", { "Accept-Language": "ar" })).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(page)?.[1];
    expect(href).toBe("/manifest.webmanifest?locale=ar");
    const res = await get(href!);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/manifest+json; charset=utf-8");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const manifest = (await res.json()) as Manifest;
    expect(manifest).toMatchObject({
      id: "/",
      name: "Passerelle",
      lang: "ar",
      dir: "rtl",
      start_url: "/",
      scope: "/",
      display: "standalone",
      description: t("ar", "appDescription"),
    });
  });

  it("should name icons of 192 and 512 px (one maskable) that are real PNGs of that size", async () => {
    const manifest = (await (await get("/manifest.webmanifest")).json()) as Manifest;
    expect(manifest.lang).toBe("fr");
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const icon of manifest.icons) {
      const res = await get(icon.src);
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("image/png");
      const size = Number(icon.sizes.split("x")[0]);
      expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual([size, size]);
    }
  });

  it("should fall back to French for a language it does not know", async () => {
    const manifest = (await (await get("/manifest.webmanifest?locale=de")).json()) as Manifest;
    expect(manifest.lang).toBe("fr");
  });
});

describe("the service worker", () => {
  it("should be served at the root (scope /), typed, revalidated on each visit, under the strict CSP", async () => {
    const res = await get("/sw.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(res.headers.get("Content-Security-Policy")).not.toContain("unsafe");
  });

  it("should keep the offline page and the shell's files, every one of them served, and no API nor staff path", async () => {
    const script = await (await get("/sw.js")).text();
    const files = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(script)![1]!) as string[];
    const page = await (await get("/")).text();
    expect(files).toContain("/offline");
    expect(files).toContain(/<script src="([^"]+)"/.exec(page)![1]);
    expect(files).toContain(/<link rel="stylesheet" href="([^"]+)"/.exec(page)![1]);
    for (const file of files) expect((await get(file)).status, file).toBe(200);
    expect(files.filter((f) => /^\/(api|admin|referent|login)/.test(f))).toEqual([]);
    // It answers only the young people's pages and its own files: personal data is never cached.
    expect(script).toContain('const PAGES = ["/", "/parcours", "/offline"]');
    expect(script).toContain("if (!PAGES.includes(url.pathname)) return;");
    expect(script).toContain("if (FILES.includes(url.pathname))");
  });

  it("should change its cache's name when a file it keeps changes (the names of the files carry their hash)", async () => {
    const script = await (await get("/sw.js")).text();
    expect(script).toMatch(/const CACHE = "passerelle-shell-[0-9a-f]{12}";/);
  });

  it("should be registered by the chat's script", async () => {
    const page = await (await get("/")).text();
    const chat = await (await get(/<script src="([^"]+)"/.exec(page)![1]!)).text();
    expect(chat).toContain('navigator.serviceWorker.register("/sw.js")');
  });
});

describe("the offline page", () => {
  it("should give the emergency numbers as tel: links in every language, most urgent first", async () => {
    const res = await get("/offline");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    const html = await res.text();
    for (const locale of LOCALES) {
      const section = new RegExp(`<section data-locale="${locale}" lang="${locale}"[^>]*>([\\s\\S]*?)</section>`).exec(
        html,
      );
      expect(section, locale).not.toBeNull();
      const inner = section![1]!;
      expect([...inner.matchAll(/href="(tel:[^"]+)"/g)].map((m) => m[1])).toEqual([
        "tel:3114",
        "tel:119",
        "tel:115",
        "tel:17",
        "tel:112",
      ]);
      for (const key of ["offlineTitle", "offlineIntro", "offline3114", "offline115", "offline112"] as const)
        expect(inner, `${locale} ${key}`).toContain(t(locale, key).replace(/'/g, "&#39;"));
    }
  });

  it("should run no inline script: its language choice is a file", async () => {
    const html = await (await get("/offline")).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const src = /<script src="([^"]+)"/.exec(html)![1]!;
    const res = await get(src);
    expect(res.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(await res.text()).toContain('localStorage.getItem("passerelle.locale")');
  });
});

describe("page weight (issue 17: first load ≤ 60 KB gzip, everything included)", () => {
  it("should keep the page, its files, the manifest, its icons, the service worker and what it keeps under 60 KB", async () => {
    const page = await get("/", { "Accept-Language": "ar" });
    const html = await page.clone().text();
    const script = await (await get("/sw.js")).text();
    const manifest = (await (await get("/manifest.webmanifest?locale=ar")).json()) as Manifest;
    const urls = new Set<string>([
      "/sw.js",
      "/manifest.webmanifest?locale=ar",
      ...[...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")),
      ...(JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(script)![1]!) as string[]),
      ...manifest.icons.map((i) => i.src),
    ]);
    urls.delete("/parcours?locale=ar"); // a link, not loaded
    let total = await gzipSize(await page.arrayBuffer());
    const sizes: Record<string, number> = {};
    for (const url of urls) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      sizes[url] = await gzipSize(await res.arrayBuffer());
      total += sizes[url];
    }
    console.info(`first load, gzip: ${total} bytes`, sizes);
    expect(total).toBeLessThanOrEqual(60 * 1024);
  });
});
