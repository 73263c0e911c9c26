import { describe, expect, it } from "vitest";
import { makeStaff, STAFF_PASSWORD, staffFetch } from "../../support/staff.ts";

/**
 * Issue 22, finding 5: after sign-in the browser goes to `next` only when it is a path of
 * this origin. Every trick a browser would resolve to another host falls back to the
 * dashboard; a control character never reaches a header (it used to answer 500).
 */

const HOSTILE = [
  "//evil.example/x",
  "/\t/evil.example",
  "/\t\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/./\\evil.example",
  "/.//evil.example",
  "https://evil.example/",
  "HTTPS://evil.example/",
  "https:evil.example",
  "javascript:alert(1)",
  " /\t/evil.example",
  "/%09/evil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%5Cevil.example",
  "/%0d%0a/evil.example",
  "/%zz",
  "/\u0000/evil.example",
  "/x\r\nSet-Cookie: a=b",
  "",
];

async function signInWith(next: string): Promise<Response> {
  const staff = await makeStaff("referent");
  return staffFetch("/login", {
    method: "POST",
    body: new URLSearchParams({ email: staff.email, password: STAFF_PASSWORD, next }),
  });
}

/** Where a browser on our origin goes with this Location. */
function destination(location: string): URL {
  return new URL(location, "https://passerelle.test/login");
}

describe("the redirect after sign-in", () => {
  it.each(HOSTILE)("should stay on this origin for next=%j", async (next) => {
    const res = await signInWith(next);
    expect(res.status).toBe(303);
    const location = res.headers.get("Location")!;
    expect(destination(location).origin).toBe("https://passerelle.test");
    expect(location).toMatch(/^\/(?![/\\])/);
    expect(location).not.toMatch(/[\u0000-\u001f\u007f\\]/);
  });

  it("should go to the dashboard for each of them (nothing of the hostile value kept)", async () => {
    for (const next of HOSTILE)
      expect((await signInWith(next)).headers.get("Location"), JSON.stringify(next)).toBe("/referent");
  });

  it("should keep a local path with its query and fragment", async () => {
    for (const next of ["/referent?x=1", "/admin/content/topic/t1?locale=ar#top", "/referent/caf%C3%A9"]) {
      expect((await signInWith(next)).headers.get("Location")).toBe(next);
    }
  });

  it("should carry only a safe next in the sign-in form (GET /login, from the query string)", async () => {
    for (const query of [
      "/%09/evil.example",
      "%2F%2Fevil.example",
      "/%0d%0a/evil.example",
      "/%5Cevil.example",
      "%5C%5Cevil.example",
    ]) {
      const res = await staffFetch(`/login?next=${query}`);
      expect(res.status, query).toBe(200);
      expect(await res.text(), query).toContain('name="next" value="/referent"');
    }
  });

  it("should never answer 500 for a line break in next, signed in or not", async () => {
    const wrong = await staffFetch("/login", {
      method: "POST",
      body: new URLSearchParams({ email: "nobody@example.org", password: "x", next: "/\r\n/evil" }),
    });
    expect(wrong.status).toBe(401);
    expect((await signInWith("/\r\n/evil")).status).toBe(303);
  });
});
