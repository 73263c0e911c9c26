import { describe, expect, inject, it } from "vitest";
import { t } from "../../shared/i18n/index.ts";
import { openBrowser } from "./support/browser.ts";

/**
 * Issue 17, item 3, the opt-in in a real Chromium against the real Worker (with VAPID keys).
 * Chromium's push service is not reachable here: the page's PushManager is replaced by one that
 * records what it is asked and hands back a subscription at Google's push service; everything
 * else (the service worker, the API, D1) is real.
 */

const FAKE_PUSH = `
(() => {
  window.__push = { subscribed: null, asked: null, unsubscribed: 0 };
  const subscription = {
    endpoint: "https://fcm.googleapis.com/fcm/send/browser-test",
    toJSON() { return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: "B" + "A".repeat(86), auth: "A".repeat(22) } }; },
    async unsubscribe() { window.__push.unsubscribed++; window.__push.subscribed = null; return true; },
  };
  PushManager.prototype.subscribe = async function (options) {
    const key = new Uint8Array(options.applicationServerKey);
    window.__push.asked = { userVisibleOnly: options.userVisibleOnly, key: btoa(String.fromCharCode(...key)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "") };
    window.__push.subscribed = subscription;
    return subscription;
  };
  PushManager.prototype.getSubscription = async function () { return window.__push.subscribed; };
})();
`;

type PushRecord = { asked: { userVisibleOnly: boolean; key: string } | null; unsubscribed: number };

describe("push reminders opt-in (issue 17)", () => {
  it("should subscribe this phone with the Worker's VAPID key, store it, and stop it on request", async () => {
    const browser = await openBrowser({ locale: "fr-FR", viewport: { width: 360, height: 740 } });
    try {
      await browser.context.addInitScript(FAKE_PUSH);
      const page = await browser.context.newPage();
      await page.goto(`${inject("baseUrl")}/`);
      await page.getByRole("button", { name: "Français", exact: true }).click();
      await page.getByRole("button", { name: t("fr", "privacySkipProfile") }).click();
      await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThanOrEqual(3);
      await page.locator("#roadmap-open").click();

      const toggle = page.getByRole("button", { name: t("fr", "chatPushOn") });
      await toggle.waitFor();
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      await toggle.click();
      await expect.poll(() => page.getByRole("status").textContent()).toBe(t("fr", "chatPushDone"));
      const record = await page.evaluate(() => (window as unknown as { __push: PushRecord }).__push);
      expect(record.asked).toEqual({ userVisibleOnly: true, key: inject("vapidPublicKey") });
      const off = page.getByRole("button", { name: t("fr", "chatPushOff") });
      expect(await off.getAttribute("aria-pressed")).toBe("true");

      // Stored for this young person: their export shows it.
      const exported = () =>
        page.evaluate(async () => {
          const res = await fetch("/api/chat/export", {
            headers: { Authorization: `Bearer ${localStorage.getItem("passerelle.token")}` },
          });
          return ((await res.json()) as { pushSubscriptions: { endpoint: string }[] }).pushSubscriptions.map(
            (s) => s.endpoint,
          );
        });
      expect(await exported()).toEqual(["https://fcm.googleapis.com/fcm/send/browser-test"]);

      // Stopped: gone from the Worker and from the browser.
      await off.click();
      await expect.poll(() => page.getByRole("status").textContent()).toBe(t("fr", "chatPushStopped"));
      expect(await exported()).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __push: PushRecord }).__push.unsubscribed)).toBe(1);
      await page.getByRole("button", { name: t("fr", "chatPushOn") }).waitFor();
      expect(browser.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("should show a pushed reminder as a notification, in its language and direction", async () => {
    const base = inject("baseUrl");
    const browser = await openBrowser({ locale: "ar", viewport: { width: 360, height: 740 } });
    try {
      await browser.context.grantPermissions(["notifications"], { origin: base });
      const page = await browser.context.newPage();
      await page.goto(`${base}/`);
      await page.evaluate(() => navigator.serviceWorker.ready);
      // Active and in control of the page before a push is handed to it.
      await expect
        .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 20_000 })
        .toBe(true);
      // What the push service hands the service worker, once decrypted by the browser (worker/push/send.ts).
      const cdp = await browser.context.newCDPSession(page);
      const registration = new Promise<string>((resolve) =>
        cdp.on("ServiceWorker.workerRegistrationUpdated", (event: { registrations: { registrationId: string }[] }) => {
          if (event.registrations[0]) resolve(event.registrations[0].registrationId);
        }),
      );
      await cdp.send("ServiceWorker.enable");
      const body = `${t("ar", "reminderIntro")}\n• 01/02/2026`;
      const registrationId = await registration;
      const deliver = () =>
        cdp.send("ServiceWorker.deliverPushMessage", {
          origin: new URL(base).origin,
          registrationId,
          data: JSON.stringify({ title: "Passerelle", body, lang: "ar", dir: "rtl" }),
        });
      const shown = async () =>
        page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
            title: n.title,
            body: n.body,
            lang: n.lang,
            dir: n.dir,
          })),
        );
      // On a loaded machine a push handed to a service worker still waking can be lost (trains
      // failed on it): hand it again until it shows. The same tag replaces a notification, so a
      // second delivery never makes two.
      await expect
        .poll(
          async () => {
            if ((await shown()).length === 0) await deliver();
            return (await shown()).length;
          },
          { timeout: 60_000, interval: 3_000 },
        )
        .toBe(1);
      expect(await shown()).toEqual([{ title: "Passerelle", body, lang: "ar", dir: "rtl" }]);
    } finally {
      await browser.close();
    }
  });
});
