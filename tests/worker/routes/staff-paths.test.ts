import { describe, expect, it } from "vitest";
import { loginAs, staffFetch } from "../../support/staff.ts";

/** Every staff path is a page or a redirect to the sign-in; none is a bare 404 to an outsider. */

describe("staff paths", () => {
  it.each([
    "/admin",
    "/admin/",
    "/admin/nothing",
    "/admin/content/nothing/here",
    "/referent/nothing/here",
    "/logout",
    "/admin/assets/unknown.css",
  ])("should send an anonymous visitor of %s to the sign-in, coming back there after", async (path) => {
    const res = await staffFetch(path);
    expect(res.status).toBe(302);
    const location = res.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/login\?next=/);
    const next = decodeURIComponent(location.replace("/login?next=", ""));
    expect(next.startsWith("/")).toBe(true);
  });

  it("should answer 401 (not a redirect) to a non-page request on an unknown staff path", async () => {
    expect((await staffFetch("/admin/nothing", { method: "POST" })).status).toBe(401);
  });

  it.each([
    ["admin", "/admin/staff"],
    ["editor", "/admin/content"],
    ["referent", "/referent"],
  ] as const)("should send a signed-in %s from /admin to their home %s", async (role, home) => {
    const { cookie } = await loginAs(role);
    const res = await staffFetch("/admin", { cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(home);
    expect((await staffFetch(home, { cookie })).status).toBe(200);
  });

  it("should show a signed-in person a 404 page (in the staff layout) for a path that does not exist", async () => {
    const { cookie } = await loginAs("editor");
    const res = await staffFetch("/admin/nothing", { cookie });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("Page introuvable");
    expect(html).toContain('href="/admin/content"');
  });

  it("should answer a signed-in person's unknown content item with the 404 page too, not JSON", async () => {
    const { cookie } = await loginAs("editor");
    const res = await staffFetch("/admin/content/nothing/here", { cookie });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("Page introuvable");
  });

  it("should show a sign-out page with a CSRF-protected form on GET /logout", async () => {
    const { cookie } = await loginAs("referent");
    const res = await staffFetch("/logout", { cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(
      /<form method="post" action="\/logout">\s*<input type="hidden" name="_csrf" value="[^"]+"/,
    );
  });
});
