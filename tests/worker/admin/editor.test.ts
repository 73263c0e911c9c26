import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBundle, seedFixture, stepEditForm } from "../../support/admin-content.ts";
import { csrfOf, loginAs, postForm, staffFetch } from "../../support/staff.ts";

/**
 * Issue 24, editors: the preview opens on the item being edited, and a rollback (of an item or
 * of a publication) does not flag as outdated the translations made for the French it puts back.
 */

let editor: { id: string; cookie: string };
let csrf: string;

function editForm(body: string, extra: Record<string, string> = {}): Record<string, string> {
  return stepEditForm(csrf, body, extra);
}

const STEP = () => fixtureBundle().steps[0]!;

/** The English state shown in the editor's language tabs: "(à jour)", "(manquante)" or "(à revoir …)". */
async function englishState(): Promise<string> {
  const html = await (await staffFetch(`/admin/content/step/${STEP().id}`, { cookie: editor.cookie })).text();
  return /locale=en"[^>]*>English \(([^)]+)\)/.exec(html)?.[1] ?? "";
}

beforeAll(async () => {
  await seedFixture();
  editor = await loginAs("editor");
  csrf = await csrfOf(editor.cookie, "/admin/content");
});

describe("the preview from the editor", () => {
  it("should open on the edited step, not on the welcome", async () => {
    const step = STEP();
    const editorPage = await (await staffFetch(`/admin/content/step/${step.id}`, { cookie: editor.cookie })).text();
    expect(editorPage).toContain(`/admin/content/preview?item=step:${step.id}&amp;locale=fr`);
    const html = await (
      await staffFetch(`/admin/content/preview?item=step:${step.id}&locale=fr`, { cookie: editor.cookie })
    ).text();
    expect(html).toContain(step.title.fr.replace(/'/g, "&#39;"));
    const welcome = await (await staffFetch("/admin/content/preview", { cookie: editor.cookie })).text();
    expect(welcome).not.toContain(step.title.fr.replace(/'/g, "&#39;"));
  });

  it("should start from the welcome for an item the chat cannot open", async () => {
    const res = await staffFetch("/admin/content/preview?item=step:../../etc", { cookie: editor.cookie });
    expect(res.status).toBe(200);
  });
});

describe("translations after a rollback", () => {
  it("should not flag the English outdated after rolling an item back to the French it was made for", async () => {
    expect(await englishState()).toBe("à jour");
    const save = await postForm(`/admin/content/step/${STEP().id}`, editor.cookie, editForm("Un texte changé."));
    expect(save.status).toBe(303);
    expect(await englishState()).toMatch(/^à revoir/);

    const history = await (
      await staffFetch(`/admin/content/step/${STEP().id}/history`, { cookie: editor.cookie })
    ).text();
    const previous = [...history.matchAll(/action="\/admin\/content\/revisions\/(\d+)\/rollback"/g)].map((m) => m[1]!);
    expect(previous.length).toBeGreaterThan(0);
    const back = await postForm(`/admin/content/revisions/${previous[0]}/rollback`, editor.cookie, { _csrf: csrf });
    expect(back.status).toBe(303);
    expect(await englishState()).toBe("à jour");
  });

  it("should not flag it outdated after rolling a publication back either", async () => {
    const publish = () => postForm("/admin/content/publish", editor.cookie, { _csrf: csrf, note: "test" });
    expect((await publish()).status).toBe(303);
    const versions = await (await staffFetch("/admin/content/publish", { cookie: editor.cookie })).text();
    const before = /action="\/admin\/content\/publications\/(\d+)\/rollback"/.exec(versions);
    const online = Number(/<td data-label="Version">(\d+) \(en ligne\)/.exec(versions)?.[1]);
    await postForm(`/admin/content/step/${STEP().id}`, editor.cookie, editForm("Encore un autre texte."));
    expect(await englishState()).toMatch(/^à revoir/);
    expect((await publish()).status).toBe(303);
    const res = await postForm(`/admin/content/publications/${online}/rollback`, editor.cookie, { _csrf: csrf });
    expect(res.status, String(before)).toBe(303);
    expect(await englishState()).toBe("à jour");
  });
});

describe("sources as label and web address pairs", () => {
  function pairs(rows: [string, string][]): Record<string, string> {
    const { sources: _old, ...form } = editForm(STEP().body.fr);
    rows.forEach(([label, url], i) => {
      form[`sources.${i}.label`] = label;
      form[`sources.${i}.url`] = url;
    });
    return form;
  }

  it("should refuse an address that is not a web address, with the error next to that row, and save nothing", async () => {
    const res = await postForm(
      `/admin/content/step/${STEP().id}`,
      editor.cookie,
      pairs([
        ["Service-public.fr", "https://www.service-public.fr/particuliers/vosdroits/F1234"],
        ["Une fiche", "pas-une-adresse"],
        ["", "https://example.org/sans-libelle"],
      ]),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(
      /id="f-sources-1-url"[^>]*aria-invalid="true"[^>]*aria-describedby="f-sources-1-url-error"|aria-invalid="true" aria-describedby="f-sources-1-url-error"/,
    );
    expect(html).toContain(
      '<p class="field-error" id="f-sources-1-url-error">Une adresse web complète, qui commence par https://</p>',
    );
    expect(html).toContain('<p class="field-error" id="f-sources-2-label-error">Obligatoire</p>');
    expect(html).not.toContain('id="f-sources-0-url-error"');
    const exported = await (await staffFetch("/admin/content/export", { cookie: editor.cookie })).json<{
      steps: { id: string; sources: unknown }[];
    }>();
    expect(exported.steps.find((s) => s.id === STEP().id)!.sources).toEqual(STEP().sources);
  });

  it("should save label and address pairs in order, dropping the empty rows", async () => {
    const res = await postForm(
      `/admin/content/step/${STEP().id}`,
      editor.cookie,
      pairs([
        ["Code de l'action sociale et des familles", ""],
        ["", ""],
        ["Service-public.fr", "https://www.service-public.fr/"],
      ]),
    );
    expect(res.status).toBe(303);
    const exported = await (await staffFetch("/admin/content/export", { cookie: editor.cookie })).json<{
      steps: { id: string; sources: unknown }[];
    }>();
    expect(exported.steps.find((s) => s.id === STEP().id)!.sources).toEqual([
      { label: "Code de l'action sociale et des familles" },
      { label: "Service-public.fr", url: "https://www.service-public.fr/" },
    ]);
    const page = await (await staffFetch(`/admin/content/step/${STEP().id}`, { cookie: editor.cookie })).text();
    expect(page).toContain('name="sources.1.url" class="wide" inputmode="url" value="https://www.service-public.fr/"');
    expect(page).toContain('name="sources.3.label"'); // two empty rows to add more
  });
});

describe("lists chosen by title and reordered with buttons", () => {
  /** The topic's form as the page sends it (hidden ids in order), plus the button pressed. */
  function topicForm(stepIds: string[], extra: Record<string, string> = {}): URLSearchParams {
    const topic = fixtureBundle().topics[0]!;
    const form = new URLSearchParams({
      _csrf: csrf,
      locale: "fr",
      order: String(topic.order),
      title: topic.title.fr,
      intro: topic.intro.fr,
      keywords: (topic.keywords.fr ?? []).join(", "),
      "sources.0.label": topic.sources[0]!.label,
      reviewedAt: topic.reviewedAt,
    });
    for (const id of stepIds) form.append("stepIds", id);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    return form;
  }
  const post = (form: URLSearchParams) =>
    staffFetch("/admin/content/topic/rights", { method: "POST", cookie: editor.cookie, body: form });
  const savedSteps = async () =>
    (
      await (
        await staffFetch("/admin/content/export", { cookie: editor.cookie })
      ).json<{
        topics: { id: string; stepIds: string[] }[];
      }>()
    ).topics.find((t) => t.id === "rights")!.stepIds;

  it("should show the steps by title with buttons to move them, and the titles to choose from", async () => {
    const html = await (await staffFetch("/admin/content/topic/rights", { cookie: editor.cookie })).text();
    expect(html).toContain('aria-label="Monter « Préparer l&#39;entretien »"');
    expect(html).toContain('aria-label="Descendre « Demander un contrat jeune majeur »"');
    expect(html).toMatch(/<button[^>]*value="up:stepIds:0"[^>]*disabled/);
    const resources = await (await staffFetch("/admin/content/step/cjm-meeting", { cookie: editor.cookie })).text();
    expect(resources).toContain('<option value="ASE Loire-Atlantique — 44 (dept-44-ase)"></option>');
  });

  it("should move a step down without saving, then save the new order", async () => {
    const before = await savedSteps();
    const moved = await post(topicForm(before, { op: "down:stepIds:0" }));
    expect(moved.status).toBe(200);
    const html = await moved.text();
    expect(html).toContain("Pas encore enregistré");
    const order = [...html.matchAll(/<input type="hidden" name="stepIds" value="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([before[1], before[0]]);
    expect(await savedSteps()).toEqual(before);
    const saved = await post(topicForm(order as string[]));
    expect(saved.status).toBe(303);
    expect(await savedSteps()).toEqual([before[1], before[0]]);
  });

  it("should add a resource picked by its title, and remove it with its button", async () => {
    const step = fixtureBundle().steps[1]!;
    const form = new URLSearchParams({
      _csrf: csrf,
      locale: "fr",
      topicId: step.topicId,
      title: step.title.fr,
      body: step.body.fr,
      keywords: (step.keywords.fr ?? []).join(", "),
      "sources.0.label": step.sources[0]!.label,
      reviewedAt: step.reviewedAt,
      "resourceIds.add": "115 – Samu social — national (num-115)",
    });
    const saved = await staffFetch(`/admin/content/step/${step.id}`, {
      method: "POST",
      cookie: editor.cookie,
      body: form,
    });
    expect(saved.status).toBe(303);
    const exported = async () =>
      (
        await (
          await staffFetch("/admin/content/export", { cookie: editor.cookie })
        ).json<{
          steps: { id: string; resourceIds: string[] }[];
        }>()
      ).steps.find((s) => s.id === step.id)!.resourceIds;
    expect(await exported()).toEqual(["num-115"]);
    form.delete("resourceIds.add");
    form.append("resourceIds", "num-115");
    form.set("op", "remove:resourceIds:0");
    const removed = await (
      await staffFetch(`/admin/content/step/${step.id}`, { method: "POST", cookie: editor.cookie, body: form })
    ).text();
    expect(removed).not.toContain('name="resourceIds" value="num-115"');
  });
});

describe("the item as each channel shows it, beside the form", () => {
  it("should show the web chat's bubbles and each channel's length against its limit", async () => {
    const html = await (await staffFetch(`/admin/content/step/${STEP().id}`, { cookie: editor.cookie })).text();
    const aside = html.slice(html.indexOf('<aside class="card preview-channels"'));
    expect(aside).toContain("Ce que le jeune voit");
    expect(aside).toContain(STEP().title.fr);
    expect(aside).toMatch(/Message 1 : \d+ \/ 4096 caractères \(une fois échappé\)/);
    expect(aside).toMatch(/Message 1 : (texte|boutons|liste), \d+ \/ (4096|1024) caractères/);
    // Enter in a field saves (the first submit button), it never presses a list's buttons.
    const form = html.slice(html.indexOf(`<form method="post" action="/admin/content/step/${STEP().id}"`));
    expect(/<button[^>]*type="submit"[^>]*>([^<]*)</.exec(form)?.[1]).toBe("Enregistrer");
  });

  it("should say when a text is too long for one Telegram message", async () => {
    const long = `${"Une phrase assez longue pour remplir le message. ".repeat(100)}Fin.`;
    const saved = await postForm(`/admin/content/step/${STEP().id}`, editor.cookie, editForm(long));
    expect(saved.status).toBe(303);
    const html = await (await staffFetch(`/admin/content/step/${STEP().id}`, { cookie: editor.cookie })).text();
    expect(html).toMatch(/Trop long pour un seul message : Telegram le reçoit en [2-9] morceaux/);
  });
});

describe("a translation beside the French it was made from", () => {
  it("should mark the French sentences changed since the translation, and what was removed", async () => {
    // Fresh state for this item: the fixture's French, translated at import.
    await seedFixture();
    const en = async () =>
      (await staffFetch(`/admin/content/step/${STEP().id}?locale=en`, { cookie: editor.cookie })).text();
    const before = await en();
    expect(before).toContain('<div class="pair"><div class="ref" lang="fr">');
    expect(before).not.toContain("<mark>");

    const original = STEP().body.fr; // "Parle à ton éducateur avant tes 18 ans."
    await postForm(
      `/admin/content/step/${STEP().id}`,
      editor.cookie,
      editForm(`${original} Demande un rendez-vous par écrit.`),
    );
    const after = await en();
    expect(after).toContain("<mark>Demande un rendez-vous par écrit.</mark>");
    expect(after).not.toContain(`<mark>${original.replace(/'/g, "&#39;")}</mark>`);
    expect(after).toContain("les phrases surlignées ont changé depuis cette traduction");

    await postForm(`/admin/content/step/${STEP().id}`, editor.cookie, editForm("Demande un rendez-vous par écrit."));
    expect(await en()).toContain(`Retiré depuis : <del>${original.replace(/'/g, "&#39;")}</del>`);
  });
});

describe("a short answer's linked step", () => {
  it("should be chosen by title from the steps, or none", async () => {
    await seedFixture();
    const html = await (await staffFetch("/admin/content/faq/cjm-what", { cookie: editor.cookie })).text();
    expect(html).toContain('<select id="f-stepId" name="stepId">');
    expect(html).toContain('<option value="cjm-ask" selected="">Demander un contrat jeune majeur (cjm-ask)</option>');
    const faq = fixtureBundle().faqs[0]!;
    const form = (stepId: string) => ({
      _csrf: csrf,
      locale: "fr",
      topicId: faq.topicId,
      question: faq.question.fr,
      answer: faq.answer.fr,
      keywords: (faq.keywords.fr ?? []).join(", "),
      stepId,
      "sources.0.label": faq.sources[0]!.label,
      reviewedAt: faq.reviewedAt,
    });
    const linked = async () =>
      (
        await (
          await staffFetch("/admin/content/export", { cookie: editor.cookie })
        ).json<{
          faqs: { id: string; stepId?: string }[];
        }>()
      ).faqs.find((f) => f.id === "cjm-what")!.stepId;
    expect((await postForm("/admin/content/faq/cjm-what", editor.cookie, form("cjm-meeting"))).status).toBe(303);
    expect(await linked()).toBe("cjm-meeting");
    expect((await postForm("/admin/content/faq/cjm-what", editor.cookie, form(""))).status).toBe(303);
    expect(await linked()).toBeUndefined();
  });
});
