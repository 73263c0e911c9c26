import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { t } from "../../shared/i18n/index.ts";
import { LOCALE_NAMES } from "../../shared/locales.ts";
import { openBrowser } from "./support/browser.ts";

/**
 * Issue 17, item 2, in a real Chromium: the manifest is valid for Chromium's own installability
 * check, the service worker takes the page, and with the network cut the emergency numbers show
 * in the young person's language, as tel: links. The first visit's weight, every response the
 * page and its service worker fetch, gzip-compressed.
 */

const PHONE = { width: 360, height: 740 };

describe("the installable web chat (issue 17)", () => {
  it("should be installable, weigh at most 60 KB gzip on a first visit, and show the emergency numbers offline", async () => {
    const base = inject("baseUrl");
    const browser = await openBrowser({ locale: "fr-FR", viewport: PHONE });
    try {
      const page = await browser.context.newPage();
      const bodies = new Map<string, Promise<Buffer>>();
      page.on("response", (res) => {
        if (!bodies.has(res.url()))
          bodies.set(
            res.url(),
            res.body().catch(() => Buffer.alloc(0)),
          );
      });
      await page.goto(`${base}/`);
      await page.locator(".msg.bot").first().waitFor();
      // The service worker installed (its files kept) and controls the page.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

      // Chromium's own check of the manifest, its icons and the service worker.
      const cdp = await browser.context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
      const manifest = await cdp.send("Page.getAppManifest");
      expect((manifest as { errors: unknown[] }).errors).toEqual([]);

      // Page weight: what the page fetched, plus what its service worker keeps (fetched on its own).
      const kept = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.startsWith("passerelle-shell-"))!);
        return (await cache.keys()).map((r) => r.url);
      });
      expect(kept.length).toBeGreaterThanOrEqual(5);
      const manifestUrl = await page.evaluate(
        () => (document.querySelector('link[rel="manifest"]') as HTMLLinkElement).href,
      );
      const icons = ((await (await fetch(manifestUrl)).json()) as { icons: { src: string }[] }).icons.map(
        (i) => new URL(i.src, base).href,
      );
      const sizes: Record<string, number> = {};
      for (const [url, body] of bodies) sizes[url] = gzipSync(await body).length;
      for (const url of [...kept, manifestUrl, `${base}/sw.js`, ...icons])
        if (!(url in sizes)) sizes[url] = gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      console.info(`first visit, gzip: ${total} bytes over ${Object.keys(sizes).length} responses`);
      expect(total).toBeLessThanOrEqual(60 * 1024);

      // The young person picks Arabic; then the network goes (no data left).
      await page.getByRole("button", { name: LOCALE_NAMES.ar }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("ar");
      await browser.context.setOffline(true);

      // In the chat: their message cannot leave, they are told so in Arabic.
      await page.getByLabel(t("ar", "chatAskLabel")).fill("سكن");
      await page.getByRole("button", { name: t("ar", "chatSend") }).click();
      await expect.poll(() => page.locator("#status").textContent()).toBe(t("ar", "chatOffline"));

      // Opening the chat again: the offline page, in Arabic, the numbers as tel: links.
      await page.goto(`${base}/`);
      await page.locator('section[data-locale="ar"]').waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        "ar",
        "rtl",
      ]);
      const visible = page.locator("section[data-locale]:visible");
      expect(await visible.count()).toBe(1);
      expect(await visible.getAttribute("data-locale")).toBe("ar");
      await page.getByRole("heading", { name: t("ar", "offlineTitle") }).waitFor();
      expect(
        await visible.locator("a[href^='tel:']").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
      ).toEqual(["tel:3114", "tel:119", "tel:115", "tel:17", "tel:112"]);
      await page.getByRole("link", { name: new RegExp(`3114.*${t("ar", "offline3114")}`) }).waitFor();
      // Another language, with no network either.
      await page.getByRole("button", { name: LOCALE_NAMES.prs }).click();
      await page.getByRole("heading", { name: t("prs", "offlineTitle") }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("prs");
      await page.screenshot({ path: "test-results/webchat-offline-360.png", fullPage: true });
      expect(browser.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
