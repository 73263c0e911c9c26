import { createServer } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { REFERENT } from "./server.ts";
import { logIn, openBrowser, openChatWithoutProfile } from "./support/browser.ts";

/**
 * The strict CSP in a real Chromium: every page works with its script and styles as files
 * (no violation reported), injected inline code does not run, and no page can be framed.
 */

describe("CSP and framing in a real browser", () => {
  it("should run the web chat, its timeline and the simulator with no CSP violation", async () => {
    const base = inject("baseUrl");
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      await openChatWithoutProfile(page, base);
      await page.getByLabel("Écris ta question").fill("logement");
      await page.getByRole("button", { name: "Envoyer" }).click();
      await page.locator(".msg.me", { hasText: "logement" }).waitFor();
      await page
        .getByRole("button", { name: /Mon parcours/ })
        .first()
        .click();
      await page.locator("#timeline:not([hidden])").waitFor();
      // The stylesheet file applied (the header's colour comes from it).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("header")!).backgroundColor)).toBe(
        "rgb(31, 78, 121)",
      );

      await page.goto(`${base}/parcours?birth=2008-05&status=ase&dept=44`);
      await page.locator("ol.timeline li").first().waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("header")!).backgroundColor)).toBe(
        "rgb(31, 78, 121)",
      );
      expect(browser.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("should style the staff pages with no violation and refuse an injected inline handler", async () => {
    const base = inject("baseUrl");
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      await logIn(page, base, "/referent", REFERENT);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("header")!).backgroundColor)).toBe(
        "rgb(31, 78, 121)",
      );
      expect(browser.violations).toEqual([]);

      // Markup injected into the page (as an XSS would) cannot run script: the CSP refuses it.
      await page.evaluate(() =>
        document.body.insertAdjacentHTML(
          "beforeend",
          '<img src="data:," onerror="window.__injected = 1"><img src="/nothing.png" onerror="window.__injected = 2">',
        ),
      );
      await expect.poll(() => browser.violations.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
      expect(browser.violations.join("\n")).toMatch(/script-src/);
    } finally {
      await browser.close();
    }
  });

  it("should not let another site frame a staff page or the chat (no clickjacked acknowledgement)", async () => {
    const base = inject("baseUrl");
    // Another site on this machine (a real server, so the browser treats it as one): it frames our pages.
    let framed = "";
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(`<h1>Gagne un cadeau</h1>${framed}`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    const address = attacker.address();
    const attackerUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      for (const path of ["/referent", "/login", "/"]) {
        framed = `<iframe src="${base}${path}" width="300" height="300"></iframe>`;
        await page.goto(attackerUrl);
        const frame = page.frames()[1]!;
        await frame.waitForLoadState().catch(() => undefined);
        // Refused: Chromium shows its own error page instead of ours.
        expect(frame.url(), path).not.toContain(base);
        expect(
          await frame
            .locator("body")
            .textContent()
            .catch(() => ""),
          path,
        ).not.toMatch(/Passerelle|Connexion/);
      }
      // Control: the same check sees a frame that is allowed to load (the attacker's own page).
      framed = `<iframe src="${attackerUrl}other"></iframe>`;
      await page.goto(attackerUrl);
      await page.frames()[1]!.waitForLoadState();
      expect(await page.frames()[1]!.locator("body").textContent()).toMatch(/Gagne un cadeau/);
    } finally {
      await browser.close();
      attacker.close();
    }
  });
});
