import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, EDITOR, REFERENT } from "./server.ts";
import { logIn, openBrowser } from "./support/browser.ts";
import { screenshot, seriousAxeFindings, sidewaysOverflow, WIDTHS, withinWidth } from "./support/staff-checks.ts";

/**
 * Every staff page, as each role sees it, at 360 px and 1 280 px: French only, roles as words,
 * Paris times, names rather than ids, nothing to scroll sideways on a phone, the buttons that
 * matter (sign-out, rollback, account controls) on screen, no serious or critical axe-core
 * finding, and a screenshot of each (test-results/browser/staff/).
 */

// A FAQ of the seed content (shared/content/seed/), edited and published to have a rollback to show.
const FAQ_PATH = "/admin/content/faq/faq-health-mutuelle";

/** English words the staff pages used to carry next to the French ("Enregistrer / save draft"). */
const ENGLISH =
  /\b(save draft|history|Acknowledge|No open alert|Not delivered|Staff|New account|New team|Teams|Password|Sign out|publish now|draft preview|restart|nothing was saved|required|Wrong e-mail|Forbidden|Not found)\b|\((referent|editor|admin)\)/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

type Checked = { name: string; path: string; mustReach?: string[] };

let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the page at each width and checks it; returns the text of the last load. */
async function checkPage(page: Page, base: string, checked: Checked): Promise<string> {
  let text = "";
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${base}${checked.path}`);
    text = (await page.textContent("body")) ?? "";
    expect(text, `${checked.path}: English left`).not.toMatch(ENGLISH);
    expect(text, `${checked.path}: an id shown instead of a name`).not.toMatch(UUID);
    expect(text, `${checked.path}: a UTC time`).not.toMatch(/\bUTC\b/);
    expect(await sidewaysOverflow(page), `${checked.path} at ${width} px scrolls sideways`).toBe(0);
    for (const name of checked.mustReach ?? []) {
      const control = page.getByRole("button", { name, exact: true }).first();
      expect(await withinWidth(page, control), `${checked.path} at ${width} px: "${name}" off screen`).toBe(true);
    }
    expect(await seriousAxeFindings(page), `${checked.path} at ${width} px`).toEqual([]);
    await screenshot(page, checked.name, width);
  }
  return text;
}

/**
 * "03/12/2026 16:45", as the staff pages write a time, in Paris. Written here again on purpose
 * (not worker/pages/staff-words.ts): an oracle of its own, which a UTC bug there would not share.
 */
function paris(ms: number): string {
  return new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(ms))
    .replace(",", "");
}

describe("staff pages at 360 px and 1 280 px", () => {
  it("should have checks that catch a page without text alternatives or that scrolls sideways", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.setContent('<html lang="fr"><body><img src="x.png"><div style="width: 900px">large</div></body></html>');
    expect((await seriousAxeFindings(page)).map((f) => f.id)).toContain("image-alt");
    expect(await sidewaysOverflow(page)).toBeGreaterThan(0);
    await page.close();
  });

  it("should show the sign-in page in French, usable on a phone", async () => {
    const page = await browser.context.newPage();
    await checkPage(page, inject("baseUrl"), { name: "login", path: "/login", mustReach: ["Se connecter"] });
    await page.close();
  });

  it("should show the référent's dashboard in French, the role as a word, times in Paris", async () => {
    const base = inject("baseUrl");
    const page = await browser.context.newPage();
    await logIn(page, base, "/referent", REFERENT);
    const text = await checkPage(page, base, {
      name: "referent",
      path: "/referent",
      mustReach: ["Se déconnecter", "Délier"],
    });
    expect(text).toContain(`${REFERENT.name} · référente`);
    expect(text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await page.close();
    await browser.context.clearCookies();
  });

  it("should show every content page to an editor, with who published by name and when in Paris", async () => {
    const base = inject("baseUrl");
    const page = await browser.context.newPage();
    await logIn(page, base, FAQ_PATH, EDITOR);
    // A draft change, published: the publish page then lists an older version to roll back to.
    const answer = page.getByLabel("Réponse courte (Français)");
    await answer.fill(`${await answer.inputValue()}\nPhrase ajoutée par le test des pages.`);
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await page.waitForURL(/done=saved/);
    await page.goto(`${base}/admin/content/publish`);
    await page.getByLabel("Note (ce qui change)").fill("Test des pages");
    await page.getByRole("button", { name: "Publier maintenant" }).click();
    await page.waitForURL(/done=published/);
    const publishedAt = Date.now();

    const pages: Checked[] = [
      { name: "content-list", path: "/admin/content", mustReach: ["Se déconnecter"] },
      { name: "content-resources", path: "/admin/content?kind=resource&scope=44" },
      { name: "content-edit", path: FAQ_PATH, mustReach: ["Enregistrer le brouillon", "Supprimer (brouillon)"] },
      { name: "content-edit-ar", path: `${FAQ_PATH}?locale=ar`, mustReach: ["Enregistrer le brouillon"] },
      { name: "content-history", path: `${FAQ_PATH}/history`, mustReach: ["Revenir à cet état (brouillon)"] },
      {
        name: "content-topic",
        path: "/admin/content/topic/housing",
        mustReach: ["Ajouter", "Enregistrer le brouillon"],
      },
      { name: "content-translations", path: "/admin/content/translations?locale=ps&status=all" },
      { name: "content-preview", path: "/admin/content/preview", mustReach: ["Envoyer", "Recommencer"] },
      { name: "content-roadmap", path: "/admin/content/roadmap", mustReach: ["Enregistrer le brouillon"] },
      // A roadmap step's form with the sample roadmap beside it (issue 24), in French and in Arabic.
      {
        name: "content-roadmap-step",
        path: "/admin/content/roadmap/steps/cjm-request",
        mustReach: ["Enregistrer le brouillon", "Retirer l'étape (brouillon)"],
      },
      { name: "content-roadmap-step-ar", path: "/admin/content/roadmap/steps/cjm-request?locale=ar" },
      { name: "content-roadmap-history", path: "/admin/content/roadmap/history" },
      { name: "content-insight", path: "/admin/content/insight" },
      { name: "content-transfer", path: "/admin/content/transfer", mustReach: ["Importer dans le brouillon"] },
      { name: "not-found", path: "/admin/content/nothing/here" },
    ];
    for (const checked of pages) await checkPage(page, base, checked);

    // The roadmap step form refusing a delay typed in words: the message beside its box, on a phone too.
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${base}/admin/content/roadmap/steps/cjm-request`);
      await page.locator("#f-due-years").fill("dix-huit");
      await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
      const message = page.locator("#f-due-years-error");
      await message.waitFor();
      expect(await message.textContent()).toBe("Un nombre entier (par exemple 18, 0 ou -1)");
      expect(await withinWidth(page, message), `the error at ${width} px`).toBe(true);
      expect(await page.locator("#f-due-years").inputValue()).toBe("dix-huit");
      expect(await sidewaysOverflow(page), `refused step form at ${width} px scrolls sideways`).toBe(0);
      expect(await seriousAxeFindings(page), `refused step form at ${width} px`).toEqual([]);
      await screenshot(page, "content-roadmap-step-refused", width);
    }

    const text = await checkPage(page, base, {
      name: "content-publish",
      path: "/admin/content/publish",
      mustReach: ["Revenir à cette version", "Se déconnecter"],
    });
    expect(text).toContain(`${EDITOR.name} · éditrice`);
    const online = page.getByRole("row").filter({ hasText: "(en ligne)" });
    const who = ((await online.locator('td[data-label="Qui"]').textContent()) ?? "").trim();
    expect(who).toBe(EDITOR.name);
    const at = ((await online.locator('td[data-label="Quand"]').textContent()) ?? "").trim();
    // The minute it was published, in Paris (or the minute before, if the clock turned meanwhile).
    expect([paris(publishedAt), paris(publishedAt - 60_000)]).toContain(at);
    await page.close();
    await browser.context.clearCookies();
  }, 300_000);

  it("should show the accounts and teams pages to an admin, every account control on screen", async () => {
    const base = inject("baseUrl");
    const page = await browser.context.newPage();
    await logIn(page, base, "/admin/staff", ADMIN);
    const text = await checkPage(page, base, {
      name: "admin-staff",
      path: "/admin/staff",
      mustReach: ["Se déconnecter", "Désactiver", "Changer", "Créer"],
    });
    expect(text).toContain(`${ADMIN.name} · admin`);
    // Roles as words, in the table and in the new account's choice.
    const roles = await page.locator('td[data-label="Rôle"]').allTextContents();
    expect(new Set(roles)).toEqual(new Set(["référente", "éditrice", "admin"]));
    expect(await page.locator("#role option").allTextContents()).toEqual(["référente", "éditrice", "admin"]);
    await checkPage(page, base, { name: "admin-teams", path: "/admin/teams", mustReach: ["Créer"] });
    await checkPage(page, base, { name: "admin-dashboard", path: "/referent" });
    await page.close();
    expect(browser.violations).toEqual([]);
  }, 120_000);
});
