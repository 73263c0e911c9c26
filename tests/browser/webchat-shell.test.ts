import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { fr } from "../../shared/i18n/fr.ts";
import { t } from "../../shared/i18n/index.ts";
import { LOCALE_NAMES, type Locale } from "../../shared/locales.ts";
import { openBrowser } from "./support/browser.ts";

/**
 * Issue 23: the web chat's own shell (emergency line, input, buttons, labels) in the young
 * person's language, at 360 px, the emergency numbers as tel: links; switched when the
 * conversation's language changes.
 */

const PHONE = { width: 360, height: 740 };
/**
 * Words written in Latin letters on purpose: the service, the care system's initials, languages'
 * own names, and the French names of institutions the translations keep beside their own word
 * ("مربّيك (référent)") so the young person recognises them when they hear them.
 */
const PROPER_NAMES = new Set(["Passerelle", "ASE", "Français", "English", "département", "référent"]);

/** Everything the page shows or says to a screen reader: visible text, placeholders, labels, title. */
function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    // Each text node on its own line: two buttons' labels must not run into one word.
    const parts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.parentElement?.tagName !== "SCRIPT") parts.push(node.textContent ?? "");
    for (const el of document.querySelectorAll("[placeholder],[aria-label],[title]"))
      parts.push(
        el.getAttribute("placeholder") ?? "",
        el.getAttribute("aria-label") ?? "",
        el.getAttribute("title") ?? "",
      );
    for (const el of document.querySelectorAll("label")) parts.push(el.textContent ?? "");
    return parts.join("\n");
  });
}

/**
 * The shell alone (header, form, timeline, labels, the input's placeholder), each text node on
 * its own line; not the roadmap's steps (content: they name French institutions on purpose).
 */
function shellWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.querySelector("#question")!.getAttribute("placeholder") ?? ""];
    for (const el of document.querySelectorAll("[aria-label]")) parts.push(el.getAttribute("aria-label") ?? "");
    for (const selector of ["header", "form", "#timeline"]) {
      const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (!node.parentElement?.closest("#timeline-steps")) parts.push(node.textContent ?? "");
    }
    return parts.join("\n");
  });
}

/** `text` in `words`, not as a part of a longer word ("Passer" is in "Passerelle"). */
function wholeIn(words: string, text: string): boolean {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, "u").test(words);
}

/** The keys of the French catalogue's interface strings found in `words` (where `locale` has its own). */
function catalogueLeft(words: string, locale: Locale): string[] {
  return Object.entries(fr)
    .filter(([key, text]) => text.length > 3 && t(locale, key as keyof typeof fr) !== text && wholeIn(words, text))
    .map(([key]) => key);
}

/** French left: any interface string of the French catalogue, any Latin word but a proper name. */
function frenchLeft(words: string, locale: Locale): string[] {
  const latin = (words.match(/\p{Script=Latin}{3,}/gu) ?? []).filter((word) => !PROPER_NAMES.has(word));
  return [...catalogueLeft(words, locale), ...latin];
}

async function emergencyLinks(page: Page): Promise<string[]> {
  return page.locator("#emergency a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
}

const TEL = ["tel:112", "tel:115", "tel:119", "tel:3114"];

describe("the web chat's shell in the young person's language (issue 23)", () => {
  for (const [locale, browserLocale] of [
    ["ar", "ar-MA"],
    ["ps", "ps-AF"],
    ["prs", "fa-IR"],
  ] as const)
    it(`should leave no French on the page in ${locale} at 360 px, through the first screens`, async () => {
      const browser = await openBrowser({ locale: browserLocale, viewport: PHONE });
      try {
        const page = await browser.context.newPage();
        await page.goto(`${inject("baseUrl")}/`);
        await page.locator(".msg.bot").first().waitFor();
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
          locale,
          "rtl",
        ]);
        expect(frenchLeft(await pageWords(page), locale)).toEqual([]);
        expect(await emergencyLinks(page)).toEqual(TEL);
        await expect.poll(() => page.getByRole("button", { name: t(locale, "chatSend") }).isVisible()).toBe(true);
        // The greeting's language button, then the privacy screen.
        await page.getByRole("button", { name: LOCALE_NAMES[locale] }).click();
        await page.getByRole("button", { name: t(locale, "privacySkipProfile") }).waitFor();
        expect(frenchLeft(await pageWords(page), locale)).toEqual([]);
        // The menu: its topics name French institutions on purpose ("Mission locale"), so here
        // no interface string of the French catalogue, and no Latin word in the shell.
        await page.getByRole("button", { name: t(locale, "privacySkipProfile") }).click();
        await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThanOrEqual(3);
        expect(catalogueLeft(await pageWords(page), locale)).toEqual([]);
        expect(frenchLeft(await shellWords(page), locale)).toEqual([]);
        // The timeline panel too.
        await page.locator("#roadmap-open").click();
        await page.locator("#timeline:not([hidden])").waitFor();
        expect(frenchLeft(await shellWords(page), locale)).toEqual([]);
        expect(await page.getByRole("button", { name: t(locale, "chatClose") }).count()).toBe(1);
        // Nothing wider than the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await page.screenshot({ path: `test-results/webchat-shell-${locale}-360.png`, fullPage: true });
        expect(browser.violations).toEqual([]);
      } finally {
        await browser.close();
      }
    });

  it("should switch every shell string, without a reload, when the young person picks another language", async () => {
    const browser = await openBrowser({ locale: "fr-FR", viewport: PHONE });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${inject("baseUrl")}/`);
      await page.getByRole("button", { name: t("fr", "chatSend") }).waitFor();
      expect(await page.getByLabel(t("fr", "chatAskLabel")).getAttribute("placeholder")).toBe(
        t("fr", "chatAskPlaceholder"),
      );
      await page.getByRole("button", { name: LOCALE_NAMES.ar }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("ar");
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      const input = page.getByLabel(t("ar", "chatAskLabel"));
      expect(await input.getAttribute("placeholder")).toBe(t("ar", "chatAskPlaceholder"));
      await page.getByRole("button", { name: t("ar", "chatSend") }).waitFor();
      await page.getByRole("button", { name: t("ar", "chatRoadmapOpen") }).waitFor();
      expect(await page.locator("#emergency").textContent()).toBe(t("ar", "emergencyLine"));
      expect(await emergencyLinks(page)).toEqual(TEL);
      expect(await page.locator("#log").getAttribute("aria-label")).toBe(t("ar", "chatConversation"));
      // The shell itself has no French left (the French greeting above stays: it is the conversation).
      expect(frenchLeft(await shellWords(page), "ar")).toEqual([]);

      // A reload keeps the conversation's language, before the first reply arrives.
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");
      await page.getByRole("button", { name: t("ar", "chatSend") }).waitFor();
      expect(browser.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
