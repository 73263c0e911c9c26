import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ALERT_MESSAGE, REFERENT } from "./server.ts";
import { openBrowser } from "./support/browser.ts";

let context: BrowserContext;
let violations: string[];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ context, violations, close } = await openBrowser());
});

afterAll(async () => {
  await close?.();
});

describe("référent dashboard in a real browser", () => {
  it("should send an anonymous visitor to the login page, then log in and acknowledge an alert", async () => {
    const base = inject("baseUrl");
    const page = await context.newPage();
    await page.goto(`${base}/referent`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/referent");

    await page.getByLabel("E-mail").fill(REFERENT.email);
    await page.getByLabel(/Mot de passe/).fill("wrong password!!");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.textContent("body")).toMatch(/incorrect/);

    await page.getByLabel(/Mot de passe/).fill(REFERENT.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${base}/referent`);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "passerelle_staff");
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });

    const body = await page.textContent("body");
    expect(body).toContain("Alertes ouvertes (1)");
    expect(body).toContain(ALERT_MESSAGE);

    await page.getByRole("button", { name: /J'ai vu/ }).click();
    await page.waitForURL(`${base}/referent`);
    const after = await page.textContent("body");
    expect(after).toContain("Alertes ouvertes (0)");
    expect(after).toMatch(/Pris en compte le/);
    expect(violations).toEqual([]);
  });
});
