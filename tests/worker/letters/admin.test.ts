import { beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "../../support/content.ts";
import { csrfOf, loginAs, postForm, staffFetch } from "../../support/staff.ts";
import { openSession, send } from "../../support/webchat.ts";

/**
 * Letter templates are content: an editor adds Loire-Atlantique's own version of a letter in
 * the content admin (validated: the legal basis cannot be dropped), publishes it, the chat
 * uses it for young people of 44 only, its history shows the change and a rollback undoes it.
 */

let editor: { id: string; cookie: string };
let csrf: string;

function letterForm(body: string): Record<string, string> {
  return {
    _csrf: csrf,
    locale: "fr",
    id: "letter-cjm-request-44",
    purpose: "cjm-request",
    scope: "44",
    order: "1",
    title: "Demander un contrat jeune majeur en Loire-Atlantique",
    explanation: "Cette lettre demande au Département de Loire-Atlantique de continuer à t'aider après 18 ans.",
    statuses: "ase, mna",
    stepIds: "cjm-ask, cjm-request",
    recipientIds: "dept-44",
    addressee: "Monsieur le Président du Conseil départemental",
    subject: "Demande d'accompagnement jeune majeur (Loire-Atlantique)",
    body,
    legalBasis: "l'article L222-5 du code de l'action sociale et des familles",
    deadline: "",
    enclosures: "Une copie de ma pièce d'identité\nMon projet en quelques lignes",
    sources: "Article L222-5 CASF | https://www.infomie.net/spip.php?article6976",
    reviewedAt: "2026-12-03",
  };
}

async function letterInChat(dept: "44" | "49"): Promise<string> {
  const { token } = await openSession({ locale: "fr" });
  for (const action of ["lang:fr", "privacy:accept", "year:2008", "month:03", "status:ase", `dept:${dept}`])
    await send(token, { action });
  const made = await send(token, { action: "letter:cjm-request:blank" });
  return made.replies.map((r) => r.text).join("\n");
}

describe("letter templates in the content admin", () => {
  beforeAll(async () => {
    await seedContent();
    editor = await loginAs("editor");
    csrf = await csrfOf(editor.cookie, "/admin/content");
  });

  it("should list the templates with their scope", async () => {
    const html = await (await staffFetch("/admin/content?kind=letter", { cookie: editor.cookie })).text();
    expect(html).toContain("/admin/content/letter/letter-cjm-appeal");
    expect(html).toContain("Lettres");
    const form = await (await staffFetch("/admin/content/letter/letter-cjm-appeal", { cookie: editor.cookie })).text();
    expect(form).toContain("{base_legale}");
    expect(form).toMatch(/<textarea[^>]*name="enclosures"/);
  });

  it("should refuse a template whose body drops the legal basis", async () => {
    const refused = await postForm(
      "/admin/content/letter/new",
      editor.cookie,
      letterForm("Monsieur le Président,\n\nJe demande un contrat jeune majeur."),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("{base_legale}");
  });

  it("should publish a département's own template for that département only, with history and rollback", async () => {
    expect(await letterInChat("44")).toContain("Objet : Demande de contrat jeune majeur (accompagnement jeune majeur)");
    const saved = await postForm(
      "/admin/content/letter/new",
      editor.cookie,
      letterForm("Monsieur le Président,\n\nJe demande un accompagnement jeune majeur.\n\nBase : {base_legale}."),
    );
    expect(saved.status).toBe(303);
    // The draft in the preview, before anyone sees it: the letter itself, with blanks.
    const start = await (await staffFetch("/admin/content/preview", { cookie: editor.cookie })).text();
    let state = /name="state" value="([^"]+)"/.exec(start)![1]!;
    let shown = "";
    for (const action of [
      "lang:fr",
      "privacy:accept",
      "year:2008",
      "month:03",
      "status:ase",
      "dept:44",
      "letter:cjm-request:blank",
    ]) {
      shown = await (await postForm("/admin/content/preview", editor.cookie, { _csrf: csrf, state, action })).text();
      state = /name="state" value="([^"]+)"/.exec(shown)![1]!;
    }
    expect(shown).toContain("Objet : Demande d&#39;accompagnement jeune majeur (Loire-Atlantique)");
    expect(await letterInChat("44")).toContain("Objet : Demande de contrat jeune majeur (accompagnement jeune majeur)");
    expect((await postForm("/admin/content/publish", editor.cookie, { _csrf: csrf, note: "lettre 44" })).status).toBe(
      303,
    );
    const in44 = await letterInChat("44");
    expect(in44).toContain("Objet : Demande d'accompagnement jeune majeur (Loire-Atlantique)");
    expect(in44).toContain("Base : l'article L222-5 du code de l'action sociale et des familles.");
    expect(in44).toContain("3 quai Ceineray");
    expect(await letterInChat("49")).toContain("Objet : Demande de contrat jeune majeur (accompagnement jeune majeur)");

    const history = await (
      await staffFetch("/admin/content/letter/letter-cjm-request-44/history", { cookie: editor.cookie })
    ).text();
    expect(history).toContain("Loire-Atlantique");

    const page = await (await staffFetch("/admin/content/publish", { cookie: editor.cookie })).text();
    const versions = [...page.matchAll(/\/admin\/content\/publications\/(\d+)\/rollback/g)].map((m) => Number(m[1]));
    const rolled = await postForm(`/admin/content/publications/${Math.min(...versions)}/rollback`, editor.cookie, {
      _csrf: csrf,
    });
    expect(rolled.status).toBe(303);
    expect(await letterInChat("44")).toContain("Objet : Demande de contrat jeune majeur (accompagnement jeune majeur)");
  });
});
