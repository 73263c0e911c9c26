import { describe, expect, inject, it } from "vitest";
import { t } from "../../shared/i18n/index.ts";
import { LOCALE_NAMES } from "../../shared/locales.ts";
import { openBrowser } from "./support/browser.ts";

/**
 * Issue 17, item 4: "🔊" on each reply reads it with the browser's speech synthesis, in the
 * reply's language, when the phone has a voice for it, and says plainly when it has none.
 * Headless Chromium has no voices of its own: the page's speech synthesis is replaced by one
 * with a French voice only, which records what it is asked to say.
 */

const FAKE_SPEECH = `
(() => {
  const voices = [{ lang: "fr-FR", name: "Test français", voiceURI: "test-fr", localService: true, default: true }];
  window.__spoken = [];
  window.__cancelled = 0;
  class Utterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.onend = null; this.onerror = null; }
  }
  const synth = {
    getVoices: () => voices,
    addEventListener: () => {},
    speak: (u) => { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); window.__finish = () => u.onend && u.onend(); },
    cancel: () => { window.__cancelled++; },
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
})();
`;

type Spoken = { text: string; lang: string; voice: string };

describe("read aloud (issue 17)", () => {
  it("should read a reply in its language with the keyboard, say so to screen readers, and say plainly when there is no voice", async () => {
    const browser = await openBrowser({ locale: "fr-FR", viewport: { width: 360, height: 740 } });
    try {
      await browser.context.addInitScript(FAKE_SPEECH);
      const page = await browser.context.newPage();
      await page.goto(`${inject("baseUrl")}/`);
      const greeting = page.locator(".msg.bot").first();
      await greeting.waitFor();
      expect(await greeting.getAttribute("lang")).toBe("fr");

      // A labelled button, reached and pressed with the keyboard alone.
      const speak = greeting.getByRole("button", { name: t("fr", "readAloud") });
      expect(await speak.textContent()).toBe("🔊");
      expect(await speak.getAttribute("aria-pressed")).toBe("false");
      await speak.focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.length))
        .toBe(1);
      const [spoken] = await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);
      expect(spoken!.lang).toBe("fr-FR");
      expect(spoken!.voice).toBe("Test français");
      expect(spoken!.text).toContain(t("fr", "welcome"));
      expect(spoken!.text).not.toContain("🔊");
      expect(await speak.getAttribute("aria-pressed")).toBe("true");
      // Pressed again while it reads: it stops.
      await page.keyboard.press("Enter");
      await expect.poll(() => speak.getAttribute("aria-pressed")).toBe("false");
      expect(await page.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled)).toBe(1);

      // Arabic replies: this phone has no Arabic voice. Said plainly, in Arabic, to screen readers too.
      await page.getByRole("button", { name: LOCALE_NAMES.ar }).click();
      const arabic = page.locator('.msg.bot[lang="ar"]').first();
      await arabic.waitFor();
      expect(await arabic.getAttribute("dir")).toBe("rtl");
      await arabic.getByRole("button", { name: t("ar", "readAloud") }).click();
      await expect
        .poll(() => page.getByRole("status").textContent())
        .toBe(t("ar", "readAloudNoVoice", { language: LOCALE_NAMES.ar }));
      expect(await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.length)).toBe(1);
      // The French greeting above still reads in French (its own language, not the page's).
      await greeting.getByRole("button", { name: t("ar", "readAloud") }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.length))
        .toBe(2);
      expect(await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken[1]!.lang)).toBe("fr-FR");
      expect(browser.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("should say plainly when the browser has no speech synthesis at all", async () => {
    const browser = await openBrowser({ locale: "en-GB" });
    try {
      await browser.context.addInitScript(
        "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance; delete Window.prototype.speechSynthesis;",
      );
      const page = await browser.context.newPage();
      await page.goto(`${inject("baseUrl")}/`);
      const reply = page.locator(".msg.bot").first();
      await reply.getByRole("button", { name: t("en", "readAloud") }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toBe(t("en", "readAloudUnavailable"));
    } finally {
      await browser.close();
    }
  });
});
