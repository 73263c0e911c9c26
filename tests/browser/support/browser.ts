import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, headless, quiet (no background network, no first-run UI). */
export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** A fresh browser (own temp profile, phone-sized viewport); close() also removes the profile. */
export async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "passerelle-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_FLAGS, viewport: { width: 390, height: 844 } });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the /login form, as a person would, and waits for the page asked for. */
export async function logIn(page: Page, base: string, path: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel(/Mot de passe/).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`${base}${path}`);
}
