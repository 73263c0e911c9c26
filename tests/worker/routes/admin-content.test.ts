import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBundle, seedFixture, stepEditForm } from "../../support/admin-content.ts";
import { countRows } from "../../support/db.ts";
import { csrfOf, loginAs, postForm, staffFetch } from "../../support/staff.ts";
import { openSession, send } from "../../support/webchat.ts";

/** The content admin through the real Worker: staff cookie, CSRF, forms, and the chat seeing the result. */

let editor: { id: string; cookie: string };
let csrf: string;

async function stepTextInChat(): Promise<string> {
  const session = await openSession({ locale: "fr" });
  const shown = await send(session.token, { action: "step:cjm-ask" });
  return shown.replies.map((r) => r.text).join("\n");
}

function editForm(body: string, extra: Record<string, string> = {}): Record<string, string> {
  return stepEditForm(csrf, body, extra);
}

async function auditActions(): Promise<string[]> {
  const rows = await env.DB.prepare("select action from audit_log where staff_id = ? order by id")
    .bind(editor.id)
    .all<{ action: string }>();
  return rows.results.map((r) => r.action);
}

describe("content admin routes", () => {
  beforeAll(async () => {
    await seedFixture();
    editor = await loginAs("editor");
    csrf = await csrfOf(editor.cookie, "/admin/content");
  });

  it("should send anonymous visitors to the login page and refuse référents", async () => {
    const anonymous = await staffFetch("/admin/content");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?next=/);
    const referent = await loginAs("referent");
    expect((await staffFetch("/admin/content", { cookie: referent.cookie })).status).toBe(403);
    expect((await staffFetch("/admin/content/export", { cookie: referent.cookie })).status).toBe(403);
  });

  it("should not let an editor reach référent data", async () => {
    const res = await staffFetch("/referent", { cookie: editor.cookie });
    expect(res.status).toBe(403);
  });

  it("should refuse a form without the CSRF token and change nothing", async () => {
    const before = await countRows("content_revisions");
    const res = await postForm("/admin/content/step/cjm-ask", editor.cookie, { ...editForm("Sans jeton."), _csrf: "" });
    expect(res.status).toBe(403);
    expect(await countRows("content_revisions")).toBe(before);
  });

  it("should show clear errors on the form when fields are invalid, and save nothing", async () => {
    const before = await countRows("content_revisions");
    const res = await postForm(
      "/admin/content/step/cjm-ask",
      editor.cookie,
      editForm("", { reviewedAt: "hier", resourceIds: "nope" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Obligatoire");
    expect(html).toContain("Une date au format AAAA-MM-JJ");
    expect(html).toContain('aria-invalid="true"');
    expect(await countRows("content_revisions")).toBe(before);
  });

  it("should name a missing reference in the errors, and refuse an id that already exists", async () => {
    const missing = await postForm(
      "/admin/content/step/cjm-ask",
      editor.cookie,
      editForm("Texte.", { resourceIds: "no-such-resource" }),
    );
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("la ressource « no-such-resource » n&#39;existe pas.");
    const taken = await postForm("/admin/content/step/new", editor.cookie, editForm("Texte.", { id: "cjm-ask" }));
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Cet identifiant existe déjà");
  });

  it("should show the new text in the chat only after publishing, and the old one after a rollback", async () => {
    const original = fixtureBundle().steps[0]!.body.fr;
    expect(await stepTextInChat()).toContain(original);

    const saved = await postForm("/admin/content/step/cjm-ask", editor.cookie, editForm("Texte modifié par l'équipe."));
    expect(saved.status).toBe(303);
    expect(await stepTextInChat()).toContain(original);

    const preview = await postForm("/admin/content/preview", editor.cookie, {
      _csrf: csrf,
      state: "forged.state",
      text: "",
    });
    expect(preview.status).toBe(200);

    const published = await postForm("/admin/content/publish", editor.cookie, { _csrf: csrf, note: "nouveau texte" });
    expect(published.status).toBe(303);
    expect(await stepTextInChat()).toContain("Texte modifié par l'équipe.");

    const page = await (await staffFetch("/admin/content/publish", { cookie: editor.cookie })).text();
    const versions = [...page.matchAll(/\/admin\/content\/publications\/(\d+)\/rollback/g)].map((m) => Number(m[1]));
    const rolled = await postForm(`/admin/content/publications/${Math.min(...versions)}/rollback`, editor.cookie, {
      _csrf: csrf,
    });
    expect(rolled.status).toBe(303);
    const text = await stepTextInChat();
    expect(text).toContain(original);
    expect(text).not.toContain("Texte modifié");
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["content.update", "content.publish", "content.rollback_publication"]),
    );
  });

  it("should show who changed what in the item history, and roll one item back in the draft", async () => {
    await postForm("/admin/content/step/cjm-ask", editor.cookie, editForm("Version pour l'historique."));
    const html = await (await staffFetch("/admin/content/step/cjm-ask/history", { cookie: editor.cookie })).text();
    expect(html).toContain("+ Version pour l&#39;historique.");
    const revisions = [...html.matchAll(/\/admin\/content\/revisions\/(\d+)\/rollback/g)].map((m) => Number(m[1]));
    const back = await postForm(`/admin/content/revisions/${revisions[0]}/rollback`, editor.cookie, { _csrf: csrf });
    expect(back.status).toBe(303);
    const edit = await (await staffFetch("/admin/content/step/cjm-ask", { cookie: editor.cookie })).text();
    expect(edit).not.toContain("Version pour l&#39;historique.");
  });

  it("should run the real engine on the draft in the preview, carrying a signed state", async () => {
    await postForm("/admin/content/step/cjm-ask", editor.cookie, editForm("Brouillon visible dans l'aperçu."));
    const start = await (await staffFetch("/admin/content/preview", { cookie: editor.cookie })).text();
    const state = /name="state" value="([^"]+)"/.exec(start)![1]!;
    const shown = await (
      await postForm("/admin/content/preview", editor.cookie, { _csrf: csrf, state, action: "step:cjm-ask" })
    ).text();
    expect(shown).toContain("Brouillon visible dans l&#39;aperçu.");
    expect(await stepTextInChat()).not.toContain("Brouillon visible");
  });

  it("should list what needs translating into Pashto", async () => {
    const html = await (
      await staffFetch("/admin/content/translations?locale=ps&status=missing", { cookie: editor.cookie })
    ).text();
    expect(html).toContain("Étape · cjm-ask");
    expect(html).toContain("Ressource · dept-44-ase");
  });

  it("should change nothing when an imported file has an invalid item, and explain why", async () => {
    const before = { items: await countRows("content_items"), revisions: await countRows("content_revisions") };
    const exported = await (await staffFetch("/admin/content/export", { cookie: editor.cookie })).json<{
      faqs: { topicId: string }[];
      steps: { body: { fr: string } }[];
    }>();
    exported.steps[0]!.body.fr = "Import qui ne doit pas passer.";
    exported.faqs[0]!.topicId = "no-such-topic";
    const form = new FormData();
    form.set("_csrf", csrf);
    form.set("file", new File([JSON.stringify(exported)], "content.json", { type: "application/json" }));
    const res = await staffFetch("/admin/content/import", { method: "POST", cookie: editor.cookie, body: form });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("le thème « no-such-topic » n&#39;existe pas.");
    expect(await countRows("content_items")).toBe(before.items);
    expect(await countRows("content_revisions")).toBe(before.revisions);
  });

  it("should show anonymous insight: unanswered questions and most opened topics", async () => {
    // Shown once enough distinct people asked it (UNANSWERED_MIN_PEOPLE), scrubbed (tests/worker/privacy/unanswered.test.ts).
    for (let i = 0; i < 3; i++) {
      const session = await openSession({ locale: "fr" });
      await send(session.token, { action: "topic:rights" });
      await send(session.token, { text: "zorglub quantique pour mes projets" });
    }
    const html = await (await staffFetch("/admin/content/insight", { cookie: editor.cookie })).text();
    expect(html).toContain("rights");
    expect(html).toContain("… pour mes projets");
  });

  it("should validate the roadmap's département settings and show their effect before publishing", async () => {
    const depts = {
      "44.cjmAgeLimit": "30",
      "44.reminderDaysBefore": "30, 7",
      "44.deadlineAlertDays": "7",
      "44.soonDays": "90",
    };
    const others = Object.fromEntries(
      ["49", "other"].flatMap((d) => [
        [`${d}.cjmAgeLimit`, "21"],
        [`${d}.reminderDaysBefore`, "30"],
        [`${d}.deadlineAlertDays`, "7"],
        [`${d}.soonDays`, "90"],
      ]),
    );
    const refused = await postForm("/admin/content/roadmap", editor.cookie, { _csrf: csrf, ...depts, ...others });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("depts.44.cjmAgeLimit");
    const saved = await postForm("/admin/content/roadmap", editor.cookie, {
      _csrf: csrf,
      ...depts,
      "44.cjmAgeLimit": "22",
      ...others,
    });
    expect(saved.status).toBe(303);
    const shown = await (await staffFetch("/admin/content/roadmap", { cookie: editor.cookie })).text();
    expect(shown).toContain("Brouillon (après publication)");
    expect(shown).toContain("depts.44.cjmAgeLimit");
    expect((await postForm("/admin/content/roadmap/publish", editor.cookie, { _csrf: csrf })).status).toBe(303);
    expect(await auditActions()).toEqual(expect.arrayContaining(["roadmap_rules.save_draft", "roadmap_rules.publish"]));
  });

  it("should replace every roadmap step from a JSON export, and refuse an invalid one storing nothing", async () => {
    const steps = JSON.stringify([]);
    const bad = await postForm("/admin/content/roadmap/import", editor.cookie, { _csrf: csrf, steps: "[{" });
    expect(bad.status).toBe(400);
    const invalid = await postForm("/admin/content/roadmap/import", editor.cookie, {
      _csrf: csrf,
      steps: JSON.stringify([{ id: "x" }]),
    });
    expect(invalid.status).toBe(400);
    expect(await countRows("roadmap_rules_revisions")).toBe(2);
    const imported = await postForm("/admin/content/roadmap/import", editor.cookie, { _csrf: csrf, steps });
    expect(imported.status).toBe(303);
    expect(await countRows("roadmap_rules_revisions")).toBe(3);
  });
});
