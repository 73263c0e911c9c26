import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "../../support/content.ts";
import { csrfOf, loginAs, staffFetch } from "../../support/staff.ts";

/**
 * Importing a content export made before letters existed (no "letters" list in the file): the
 * current letter templates are kept and the editor is told so; a letter the file's content can
 * no longer support (a recipient resource the file lacks) refuses the import, nothing changed;
 * an explicit empty list still removes them.
 */

let editor: { cookie: string };
let csrf: string;
type Exported = Record<string, unknown> & {
  letters?: { id: string; recipientIds: string[] }[];
  resources: { id: string }[];
};

const letterIds = async () =>
  (
    await env.DB.prepare("select id from content_items where kind = 'letter' order by id").all<{ id: string }>()
  ).results.map((r) => r.id);
const countRows = async (table: string) =>
  (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;

async function exported(): Promise<Exported> {
  return (await staffFetch("/admin/content/export", { cookie: editor.cookie })).json<Exported>();
}

function importFile(body: unknown): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", csrf);
  form.set("file", new File([JSON.stringify(body)], "content.json", { type: "application/json" }));
  return staffFetch("/admin/content/import", { method: "POST", cookie: editor.cookie, body: form });
}

beforeAll(async () => {
  await seedContent();
  editor = await loginAs("editor");
  csrf = await csrfOf(editor.cookie, "/admin/content");
});

describe("importing an export made before letters existed", () => {
  it("should keep the current letter templates and say so", async () => {
    const before = await letterIds();
    expect(before.length).toBeGreaterThanOrEqual(7);
    const { letters: _letters, ...old } = await exported();
    const res = await importFile(old);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/admin/content/transfer?done=imported-kept-letters");
    expect(await letterIds()).toEqual(before);
    const page = await (await staffFetch(res.headers.get("Location")!, { cookie: editor.cookie })).text();
    expect(page).toContain("les modèles de lettres actuels sont gardés");
  });

  it("should refuse, changing nothing, when a kept letter names a resource the file does not have", async () => {
    const current = await exported();
    const recipient = current.letters!.flatMap((l) => l.recipientIds)[0]!;
    const { letters: _letters, ...old } = current;
    old.resources = current.resources.filter((r) => r.id !== recipient);
    const before = { items: await countRows("content_items"), revisions: await countRows("content_revisions") };
    const res = await importFile(old);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(recipient);
    expect(await countRows("content_items")).toBe(before.items);
    expect(await countRows("content_revisions")).toBe(before.revisions);
  });

  it("should still remove the letters when the file says there are none (an empty list)", async () => {
    const current = await exported();
    const res = await importFile({ ...current, letters: [] });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/admin/content/transfer?done=imported");
    expect(await letterIds()).toEqual([]);
  });
});
