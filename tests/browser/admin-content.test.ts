import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { EDITOR } from "./server.ts";
import { logIn, openBrowser, openChatWithoutProfile } from "./support/browser.ts";

// A step of the seed content (shared/content/seed/topics/housing.json).
const TOPIC_BUTTON = "🏠 Me loger";
const STEP_ID = "housing-visale";
const STEP_TITLE = "Pas de garant ? Demande la garantie Visale";

/** A young person's first visit of the web chat, in a browser of their own: French, no profile, topic, step. */
async function readStepInChat(base: string): Promise<string> {
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    await openChatWithoutProfile(page, base);
    await page.getByRole("button", { name: TOPIC_BUTTON }).click();
    await page.getByRole("button", { name: STEP_TITLE, exact: true }).click();
    const step = page.locator(".msg.bot", { hasText: `📌 ${STEP_TITLE}` });
    await step.waitFor();
    const text = (await step.textContent()) ?? "";
    expect(browser.violations).toEqual([]);
    return text;
  } finally {
    await browser.close();
  }
}

async function onlineVersion(page: Page): Promise<string> {
  const cell = page.getByRole("cell", { name: /\(en ligne\)$/ });
  return ((await cell.textContent()) ?? "").replace("(en ligne)", "").trim();
}

describe("content admin in a real browser", () => {
  it("should show an edited step in the web chat once published, and the old text again after a rollback", async () => {
    const base = inject("baseUrl");
    const marker = `Phrase de test ${Date.now()}.`;
    const admin = await openBrowser();
    try {
      const page = await admin.context.newPage();
      await logIn(page, base, "/admin/content?kind=step", EDITOR);

      // Open the step from the list, add a sentence to its French text, save the draft.
      await page.getByRole("link", { name: STEP_ID, exact: true }).click();
      await page.waitForURL(`${base}/admin/content/step/${STEP_ID}`);
      const body = page.getByLabel("Texte (Français)");
      const original = await body.inputValue();
      expect(original.length).toBeGreaterThan(0);
      await body.fill(`${original}\n${marker}`);
      await page.getByRole("button", { name: /Enregistrer le brouillon/ }).click();
      await page.waitForURL(/done=saved/);
      expect(await page.getByRole("status").textContent()).toMatch(/Brouillon enregistré/);
      expect(await page.getByLabel("Texte (Français)").inputValue()).toContain(marker);

      // Saved but not published: the chat still shows the old text.
      expect(await readStepInChat(base)).not.toContain(marker);

      // Publish through the publish page (its form carries the CSRF token).
      await page.getByRole("link", { name: "Publier", exact: true }).click();
      await page.waitForURL(`${base}/admin/content/publish`);
      expect(await page.getByText(`Étape · ${STEP_ID} — modifié`).count()).toBe(1);
      const before = await onlineVersion(page);
      await page.getByLabel("Note (ce qui change)").fill("Test navigateur : phrase ajoutée");
      await page.getByRole("button", { name: /Publier maintenant/ }).click();
      await page.waitForURL(/done=published/);
      expect(await page.getByRole("status").textContent()).toMatch(/Publié/);
      expect(await onlineVersion(page)).not.toBe(before);

      const published = await readStepInChat(base);
      expect(published).toContain(marker);

      // Roll back to the version that was online before: the old text is back in the chat.
      // The version's own cell (on a phone the cell also reads its column's name, "Version : 3").
      const row = page
        .getByRole("row")
        .filter({ has: page.locator('td[data-label="Version"]', { hasText: new RegExp(`^\\s*${before}\\s*$`) }) });
      await row.getByRole("button", { name: "Revenir à cette version" }).click();
      await page.waitForURL(/done=publication-rolled-back/);
      expect(await page.getByRole("status").textContent()).toMatch(/Ancienne version republiée/);

      const rolledBack = await readStepInChat(base);
      expect(rolledBack).not.toContain(marker);
      expect(rolledBack).toContain(original);
      expect(admin.violations).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
