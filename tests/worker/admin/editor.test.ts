import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBundle, seedFixture } from "../../support/admin-content.ts";
import { csrfOf, loginAs, postForm, staffFetch } from "../../support/staff.ts";

/**
 * Issue 24, editors: the preview opens on the item being edited, and a rollback (of an item or
 * of a publication) does not flag as outdated the translations made for the French it puts back.
 */

let editor: { id: string; cookie: string };
let csrf: string;

function editForm(body: string): Record<string, string> {
  const step = fixtureBundle().steps[0]!;
  return {
    _csrf: csrf,
    locale: "fr",
    topicId: step.topicId,
    title: step.title.fr,
    body,
    keywords: (step.keywords.fr ?? []).join(", "),
    resourceIds: step.resourceIds.join(", "),
    sources: step.sources.map((s) => (s.url ? `${s.label} | ${s.url}` : s.label)).join("\n"),
    reviewedAt: step.reviewedAt,
  };
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
