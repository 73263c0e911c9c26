import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, headless, quiet (no background network, no first-run UI). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Reports every Content-Security-Policy violation of every page to the console, where the
 * context collects it: a page whose script or style the CSP refused fails its test.
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener("securitypolicyviolation", (e) => console.error("CSP violation: " + e.effectiveDirective + " " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));`;

/**
 * A fresh browser (own temp profile, phone-sized viewport, optionally another size and language);
 * close() also removes the profile.
 * `violations` lists the CSP violations (and the console's "Refused to…" errors) of all its pages.
 */
export async function openBrowser(
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{
  context: BrowserContext;
  violations: string[];
  close: () => Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), "passerelle-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? { width: 390, height: 844 },
    // The browser's language (navigator.language and Accept-Language).
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const violations: string[] = [];
  await context.addInitScript(REPORT_CSP_VIOLATIONS);
  const watch = (page: Page) =>
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && /CSP violation|Content Security Policy|Refused to/.test(text))
        violations.push(`${page.url()}: ${text}`);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    violations,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the /login form, as a person would, and waits for the page asked for. */
export async function logIn(
  page: Page,
  base: string,
  path: string,
  account: { email: string; password: string },
): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel(/Mot de passe/).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`${base}${path}`);
}

/** A first visit of the web chat: French chosen, no profile given; the menu is on screen. */
export async function openChatWithoutProfile(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole("button", { name: "Français" }).click();
  await page.getByRole("button", { name: "Continuer sans profil" }).click();
}
