import { describe, expect, it } from "vitest";
import { csrfOf, loginAs, makeStaff, postForm, staffFetch, STAFF_PASSWORD } from "../../support/staff.ts";

/**
 * Cross-site form posts are refused by Fetch Metadata, and a same-origin post from our own
 * pages (whose `Referrer-Policy: no-referrer` makes browsers send `Origin: null`) is not.
 */

function loginPost(email: string, headers: Record<string, string>) {
  return staffFetch("/login", {
    method: "POST",
    headers,
    body: new URLSearchParams({ email, password: STAFF_PASSWORD, next: "/referent" }),
  });
}

describe("cross-site requests to the staff Worker", () => {
  it("should accept our own sign-in form as Chromium posts it under no-referrer (Origin: null, same-origin)", async () => {
    const staff = await makeStaff("referent");
    const res = await loginPost(staff.email, { Origin: "null", "Sec-Fetch-Site": "same-origin" });
    expect(res.status).toBe(303);
  });

  it.each([
    ["another site's form (Fetch Metadata)", { "Sec-Fetch-Site": "cross-site" }],
    ["a sibling subdomain's form", { "Sec-Fetch-Site": "same-site", Origin: "https://other.passerelle.test" }],
    ["a sandboxed frame's form (Origin null, cross-site)", { Origin: "null", "Sec-Fetch-Site": "cross-site" }],
    ["an old browser's cross-origin form", { Origin: "https://evil.example" }],
  ])("should refuse the sign-in posted from %s with 403", async (_what, headers) => {
    const staff = await makeStaff("referent");
    const res = await loginPost(staff.email, headers);
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("should refuse a staff form from another site even with a valid CSRF token", async () => {
    const { cookie } = await loginAs("referent");
    const csrf = await csrfOf(cookie);
    const res = await staffFetch("/referent/codes", {
      method: "POST",
      cookie,
      headers: { "Sec-Fetch-Site": "cross-site" },
      body: new URLSearchParams({ _csrf: csrf, purpose: "young" }),
    });
    expect(res.status).toBe(403);
    const ok = await postForm("/referent/codes", cookie, { _csrf: csrf, purpose: "young" });
    expect(ok.status).toBe(200);
  });
});
