import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALE_NAMES } from "../../../shared/locales.ts";
import { loadRoadmapRules } from "../../../worker/store/content-settings.ts";
import { database } from "../../../worker/store/db.ts";
import { countRows } from "../../support/db.ts";
import { seedContent } from "../../support/content.ts";
import { formFields } from "../../support/forms.ts";
import { loginAs, postForm, staffFetch } from "../../support/staff.ts";

/**
 * Issue 24: the roadmap steps edited in a form per step (no JSON), through the real staff
 * Worker: the page's own form saved, each invalid input refused with 400 beside its field and
 * nothing stored, the sample roadmap showing a changed delay, steps added, moved and removed,
 * translations marked outdated, the history and its rollback.
 */

const STEP = "/admin/content/roadmap/steps/cjm-request";
let editor: { id: string; cookie: string };

const page = async (path: string) => (await staffFetch(path, { cookie: editor.cookie })).text();
const draft = async () => (await loadRoadmapRules(database(env.DB))).draft;
const stored = async () => ({
  settings: (await env.DB.prepare("select draft from content_settings where key = 'roadmap-rules'").first())?.draft,
  revisions: await countRows("roadmap_rules_revisions"),
});

/** The step's form as the page renders it, with `changes` typed over it. */
async function stepForm(path: string, changes: Record<string, string> = {}) {
  const action = path.split("?")[0]!;
  return { ...(await formFields(await page(path), action)), ...changes };
}

/** The first sample profile's line for a step ("… — à faire, avant le 30/11/2027 …"). */
function sampleLine(html: string, stepId: string): string {
  const m = new RegExp(`<li data-step="${stepId}">([\\s\\S]*?)</li>`).exec(html);
  return (m?.[1] ?? "").replace(/<[^>]+>/g, "");
}

function shiftDate(french: string, days: number): string {
  const [d, m, y] = french.split("/").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10).split("-").reverse().join("/");
}

beforeAll(async () => {
  await seedContent();
  editor = await loginAs("editor");
});

describe("roadmap step form", () => {
  it("should show each step as a form, not JSON, with its sources as rows and the sample roadmap beside", async () => {
    const html = await page(STEP);
    expect(html).not.toMatch(/<textarea[^>]*name="steps"/);
    const form = await formFields(html, "/admin/content/roadmap/steps/cjm-request");
    const rule = (await draft()).steps.find((s) => s.id === "cjm-request")!;
    expect(form.title).toBe(rule.title.fr);
    expect(form["due.from"]).toBe("birth");
    expect(form["due.years"]).toBe("18");
    expect(form["due.days"]).toBe("-1");
    expect(form.statuses).toBe(rule.statuses.join(","));
    expect(form["sources.0.label"]).toBe(rule.sources[0]!.label);
    expect(html).toContain('aria-labelledby="samples-title"');
    expect(html).toContain("17 ans et demi, à l&#39;ASE");
    expect(sampleLine(html, "cjm-request")).toMatch(/avant le \d\d\/\d\d\/\d{4}/);
  });

  it("should save every step's own form unchanged (the form loses nothing of a rule)", async () => {
    const before = await stored();
    for (const step of (await draft()).steps) {
      const path = `/admin/content/roadmap/steps/${step.id}`;
      const res = await postForm(path, editor.cookie, await stepForm(path));
      expect(res.status, step.id).toBe(303);
      expect(res.headers.get("Location"), step.id).toContain("done=unchanged");
    }
    expect(await stored()).toEqual(before);
  });

  it("should refuse invalid input with 400, the error beside its field, and store nothing", async () => {
    const before = await stored();
    const whole = "Un nombre entier (par exemple 18, 0 ou -1)";
    const cases: [Record<string, string>, string, string][] = [
      [{ "due.years": "dix-huit" }, "f-due-years", whole],
      [{ "enteredCareMonths.min": "1.5" }, "f-enteredCareMonths-min", whole],
      [{ leadMonths: "six" }, "f-leadMonths", whole],
      [{ "due.from": "" }, "f-due-from", "Choisis à partir de quoi la date se compte"],
      [{ title: "" }, "f-title", "Obligatoire"],
      [{ statuses: "" }, "f-statuses", "Obligatoire"],
      [
        { "sources.0.url": "pas une adresse" },
        "f-sources-0-url",
        "Une adresse web complète, qui commence par https://",
      ],
      [{ reviewedAt: "3 décembre" }, "f-reviewedAt", "Une date au format AAAA-MM-JJ (par exemple 2026-12-03)."],
    ];
    for (const [changes, field, message] of cases) {
      const res = await postForm(STEP, editor.cookie, await stepForm(STEP, changes));
      expect(res.status, JSON.stringify(changes)).toBe(400);
      const html = await res.text();
      expect(html, field).toContain(`id="${field}-error">${message}<`);
      // The box says it is wrong and points at the message (read by screen readers).
      expect(html, field).toMatch(new RegExp(`id="${field}"[^>]*aria-describedby="${field}-error"`));
      expect(html).toContain("Rien n&#39;a été enregistré");
      // The editor's input comes back in the form, to be corrected.
      const [name, value] = Object.entries(changes)[0]!;
      if (value) expect((await formFields(html, STEP))[name]).toBe(value);
    }
    const duplicate = await postForm(
      "/admin/content/roadmap/steps/new",
      editor.cookie,
      await stepForm("/admin/content/roadmap/steps/new", { id: "cjm-request", title: "Doublon", statuses: "ase" }),
    );
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("Cet identifiant existe déjà");
    expect(await stored()).toEqual(before);
  });

  it("should show a changed delay in the sample roadmap before it is published", async () => {
    const before = sampleLine(await page(STEP), "cjm-request");
    const due = /avant le (\d\d\/\d\d\/\d{4})/.exec(before)![1]!;
    const res = await postForm(STEP, editor.cookie, await stepForm(STEP, { "due.days": "-31" }));
    expect(res.status).toBe(303);
    const after = sampleLine(await page(STEP), "cjm-request");
    expect(after).toContain(`avant le ${shiftDate(due, -30)}`);
    expect(after).toContain(`publié : avant le ${due}`);
    // Published rules are untouched until "Publier les règles".
    const { published } = await loadRoadmapRules(database(env.DB));
    expect(published.steps.find((s) => s.id === "cjm-request")!.due).toEqual({ from: "birth", years: 18, days: -1 });
  });

  it("should add a step, move it up the list and remove it, each change in the draft", async () => {
    const created = await postForm(
      "/admin/content/roadmap/steps/new",
      editor.cookie,
      await stepForm("/admin/content/roadmap/steps/new", {
        id: "school-grant",
        title: "Demander une bourse",
        why: "Pour payer tes études.",
        statuses: "ase,left_ase",
        "opens.from": "birth",
        "opens.years": "17",
        "sources.0.label": "Service public",
        "sources.0.url": "https://www.service-public.fr/",
      }),
    );
    expect(created.status).toBe(303);
    let ids = (await draft()).steps.map((s) => s.id);
    expect(ids.at(-1)).toBe("school-grant");
    const rule = (await draft()).steps.at(-1)!;
    expect(rule).toMatchObject({ statuses: ["ase", "left_ase"], opens: { from: "birth", years: 17 }, alert: false });
    const overview = await page("/admin/content/roadmap");
    expect(overview).toContain("Demander une bourse");
    // Its "monter" and "descendre" forms: the token of either.
    const csrf = (await formFields(overview, "/admin/content/roadmap/steps/school-grant/move"))._csrf!.split(",")[0]!;
    const moved = await postForm("/admin/content/roadmap/steps/school-grant/move", editor.cookie, {
      _csrf: csrf,
      direction: "up",
    });
    expect(moved.status).toBe(303);
    ids = (await draft()).steps.map((s) => s.id);
    expect(ids.indexOf("school-grant")).toBe(ids.length - 2);
    expect(
      (await postForm("/admin/content/roadmap/steps/school-grant/move", editor.cookie, { _csrf: csrf, direction: "x" }))
        .status,
    ).toBe(400);
    const removed = await postForm("/admin/content/roadmap/steps/school-grant/delete", editor.cookie, { _csrf: csrf });
    expect(removed.status).toBe(303);
    expect((await draft()).steps.map((s) => s.id)).not.toContain("school-grant");
  });

  it("should mark a translation outdated when the French changes, and not after rolling the French back", async () => {
    const ar = `${STEP}?locale=ar`;
    expect((await postForm(STEP, editor.cookie, await stepForm(ar, { title: "اطلب عقد شاب راشد" }))).status).toBe(303);
    expect(await page(STEP)).toContain(`${LOCALE_NAMES.ar} (à jour)`);
    const why = (await stepForm(STEP)).why!;
    const edited = await postForm(STEP, editor.cookie, await stepForm(STEP, { why: `${why} Phrase nouvelle.` }));
    expect(edited.status).toBe(303);
    const arPage = await page(ar);
    expect(arPage).toContain(`${LOCALE_NAMES.ar} (à revoir : le français a changé)`);
    expect(arPage).toContain("<mark>Phrase nouvelle.</mark>");
    const outdated = "/admin/content/translations?locale=ar&status=outdated";
    expect(await page(outdated)).toContain("Étape du parcours · cjm-request");
    // Back to the state before the French edit: the translation is up to date again.
    const history = await page("/admin/content/roadmap/history");
    const ids = [...history.matchAll(/\/admin\/content\/roadmap\/history\/(\d+)\/rollback/g)].map((m) => m[1]!);
    const csrf = (await formFields(history, `/admin/content/roadmap/history/${ids[0]}/rollback`))._csrf!;
    const rolled = await postForm(`/admin/content/roadmap/history/${ids[0]}/rollback`, editor.cookie, { _csrf: csrf });
    expect(rolled.status).toBe(303);
    expect((await draft()).steps.find((s) => s.id === "cjm-request")!.why.fr).toBe(why);
    expect(await page(STEP)).toContain(`${LOCALE_NAMES.ar} (à jour)`);
    expect(await page(outdated)).not.toContain("Étape du parcours · cjm-request");
  });

  it("should publish the draft and list saves and publications by name in the history", async () => {
    const overview = await page("/admin/content/roadmap");
    const published = await postForm("/admin/content/roadmap/publish", editor.cookie, {
      _csrf: (await formFields(overview, "/admin/content/roadmap/publish"))._csrf!,
    });
    expect(published.status).toBe(303);
    const state = await loadRoadmapRules(database(env.DB));
    expect(state.published).toEqual(state.draft);
    const history = await page("/admin/content/roadmap/history");
    expect(history).toContain("publication");
    expect(history).toContain("brouillon enregistré");
    expect(history).toContain("chargement initial");
    // The first load (every field of every step) summed up in 40 lines, not printed whole.
    expect(history).toMatch(/\d{3,} champs changés ; les 40 premiers/);
    expect(history.length).toBeLessThan(120_000);
    expect(history).toContain("steps.cjm-request.due.days");
    expect(history).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
  });
});
