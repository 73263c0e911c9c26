import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "../../support/content.ts";
import { csrfOf, loginAs, postForm, staffFetch } from "../../support/staff.ts";

/** The content admin's "à revoir" page: overdue items from the drafts, and the periods per kind. */

let editor: { id: string; cookie: string };
let csrf: string;

beforeAll(async () => {
  await seedContent();
  // One resource last checked long ago.
  const row = await env.DB.prepare("select data from content_items where kind = 'resource' and id = 'caf'").first<{
    data: string;
  }>();
  const caf = { ...JSON.parse(row!.data), reviewedAt: "2024-01-15" };
  await env.DB.prepare("update content_items set data = ? where kind = 'resource' and id = 'caf'")
    .bind(JSON.stringify(caf))
    .run();
  editor = await loginAs("editor");
  csrf = await csrfOf(editor.cookie, "/admin/content");
});

describe("content due for review", () => {
  it("should list the overdue resource with a link to edit it, and refuse référents", async () => {
    const res = await staffFetch("/admin/content/review", { cookie: editor.cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/admin/content/resource/caf"');
    expect(html).toContain("2024-07-13 ⚠️");
    expect(html).not.toContain('href="/admin/content/resource/ameli"');
    const referent = await loginAs("referent");
    expect((await staffFetch("/admin/content/review", { cookie: referent.cookie })).status).toBe(403);
  });

  it("should save the periods per kind (validated, audited) and list by them", async () => {
    const bad = await postForm("/admin/content/review", editor.cookie, { _csrf: csrf, resource: "2" });
    expect(bad.status).toBe(400);
    const saved = await postForm("/admin/content/review", editor.cookie, { _csrf: csrf, resource: "3650" });
    expect(saved.status).toBe(303);
    const html = await (await staffFetch("/admin/content/review", { cookie: editor.cookie })).text();
    expect(html).not.toContain('href="/admin/content/resource/caf"');
    expect(html).toContain('name="resource" inputmode="numeric" value="3650"');
    const audit = await env.DB.prepare("select action from audit_log where staff_id = ? and action = ?")
      .bind(editor.id, "content.review_periods")
      .first();
    expect(audit).not.toBeNull();
  });
});
