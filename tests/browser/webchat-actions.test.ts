import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { t } from "../../shared/i18n/index.ts";
import { LOCALE_NAMES } from "../../shared/locales.ts";
import { openBrowser } from "./support/browser.ts";

/**
 * Issue 24, the web chat a young person can act on (360 × 740 px): numbers in replies are tel:
 * links and the text stays text; each turn shows its first new reply, not the last bubble;
 * "Mes données" downloads the file; "Tout effacer" clears the screen and says so, and a button
 * left from the erased conversation says so plainly instead of starting a new one.
 */

const PHONE = { width: 360, height: 740 };

/** Presses a button of the conversation (the last one with that name) and waits for its reply. */
async function press(page: Page, name: string): Promise<void> {
  const before = await page.locator(".msg.bot").count();
  await page.getByRole("button", { name, exact: true }).last().click();
  await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(before);
}

/** Where the turn's first new reply is: its top against the conversation's top, and how many came. */
async function firstNewReply(page: Page, before: number): Promise<{ offset: number; count: number }> {
  return page.evaluate((n) => {
    const log = document.getElementById("log")!;
    const replies = log.querySelectorAll(".msg.bot");
    const first = replies[n] as HTMLElement;
    return { offset: first.getBoundingClientRect().top - log.getBoundingClientRect().top, count: replies.length - n };
  }, before);
}

describe("the web chat a young person can act on (issue 24)", () => {
  it("should make numbers tappable, keep text as text, and show each turn's first reply", async () => {
    const browser = await openBrowser({ locale: "fr-FR", viewport: PHONE });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${inject("baseUrl")}/`);
      await page.locator(".msg.bot").first().waitFor();
      await press(page, "Français");
      await press(page, t("fr", "privacySkipProfile"));

      // A crisis answer: its numbers are links to call; what the young person wrote stays text.
      const typed = 'je veux mourir <img src="x" onerror="window.__x=1"> https://example.org';
      const before = await page.locator(".msg.bot").count();
      await page.getByLabel(t("fr", "chatAskLabel")).fill(typed);
      await page.getByRole("button", { name: t("fr", "chatSend") }).click();
      await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(before);
      const answer = page.locator(".msg.bot").nth(before);
      expect(
        await answer.locator("a[href^='tel:']").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
      ).toEqual(expect.arrayContaining(["tel:3114", "tel:112"]));
      const mine = page.locator(".msg.me").last();
      expect(await mine.textContent()).toBe(typed);
      expect(await mine.locator("*").count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
      // A reply holds only text, its links, its 🔊 and its buttons: no element from the text itself.
      const tags = await page
        .locator(".msg.bot *")
        .evaluateAll((els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))].sort());
      expect(tags.filter((tag) => !["a", "button", "div", "span"].includes(tag))).toEqual([]);

      // A turn of several replies opens on its first: the start of the answer in view, at the top.
      let several = false;
      for (const name of [t("fr", "menu"), t("fr", "myData")]) {
        const n = await page.locator(".msg.bot").count();
        await press(page, name);
        const { offset, count } = await firstNewReply(page, n);
        expect(Math.abs(offset), name).toBeLessThan(16);
        several = several || count > 1;
      }
      const scroll = await page.evaluate(() => {
        const log = document.getElementById("log")!;
        return log.scrollHeight > log.clientHeight;
      });
      expect(scroll).toBe(true);
      expect(several || (await page.locator(".msg.bot").count()) > 3).toBe(true);
      expect(browser.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("should download 'Mes données', then after 'Tout effacer' clear the screen, say so, and answer stale buttons plainly", async () => {
    const base = inject("baseUrl");
    const browser = await openBrowser({ locale: "fr-FR", viewport: PHONE });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${base}/`);
      await page.locator(".msg.bot").first().waitFor();
      await press(page, LOCALE_NAMES.ar);
      await press(page, t("ar", "privacySkipProfile"));
      await press(page, t("ar", "myData"));

      // The export: a file downloaded from the chat, everything stored about them.
      const download = page.waitForEvent("download");
      await page
        .getByRole("button", { name: t("ar", "exportMyData") })
        .last()
        .click();
      const file = await download;
      expect(file.suggestedFilename()).toBe("passerelle-mes-donnees.json");
      const data = JSON.parse(await readFile((await file.path())!, "utf8")) as { profile: { locale: string } };
      expect(data.profile.locale).toBe("ar");

      // A second tab of the same conversation, left open on its menu.
      const other = await browser.context.newPage();
      await other.goto(`${base}/`);
      await other
        .getByRole("button", { name: t("ar", "myData") })
        .last()
        .waitFor();

      // "Tout effacer", confirmed: the screen holds only the words that say it is erased.
      await press(page, t("ar", "deleteMyData"));
      await page
        .getByRole("button", { name: t("ar", "deleteYes") })
        .last()
        .click();
      await expect.poll(() => page.locator("#log .msg").count()).toBe(1);
      expect(await page.locator("#log .msg.bot").textContent()).toContain(t("ar", "deleted"));
      expect(await page.evaluate(() => localStorage.getItem("passerelle.token"))).toBeNull();

      // The other tab's old button: said plainly, in Arabic; no new conversation behind their back.
      const sessions: string[] = [];
      other.on("request", (r) => {
        if (r.url().endsWith("/api/chat/session") && r.method() === "POST") sessions.push(r.url());
      });
      const before = await other.locator(".msg.bot").count();
      await other
        .getByRole("button", { name: t("ar", "myData") })
        .last()
        .click();
      await expect.poll(() => other.locator(".msg.bot").count()).toBeGreaterThan(before);
      expect(await other.locator(".msg.bot").last().textContent()).toContain(t("ar", "chatSessionGone"));
      expect(await other.locator(".buttons button:not([disabled])").count()).toBe(0);
      expect(sessions).toEqual([]);

      // Writing again starts anew, in their language (not a French session).
      await page.getByLabel(t("ar", "chatAskLabel")).fill("salam");
      await page.getByRole("button", { name: t("ar", "chatSend") }).click();
      await expect.poll(() => page.evaluate(() => localStorage.getItem("passerelle.token"))).not.toBeNull();
      await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(1);
      expect(await page.locator(".msg.bot").nth(1).getAttribute("lang")).toBe("ar");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");
      expect(browser.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
