import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { assetPath } from "../../worker/assets.ts";
import { STAFF_ASSETS, staffStyle } from "../../worker/pages/staff-style.ts";
import { staffApp } from "../../worker/staff-app.ts";
import { csrfOf, loginAs, staffFetch } from "../support/staff.ts";

/**
 * Issue 22, finding 6, retested route by route: every path the staff Worker routes (read
 * from the app itself, so a new route is covered the day it is added), for every kind of
 * visitor, answers with the anti-framing, CSP, nosniff and no-store headers, from the staff
 * Worker itself and through the chat Worker that forwards to it.
 */

const BASE = "https://passerelle.test";
type Visitor = { name: string; cookie: string | null; csrf?: string };
const visitors: Visitor[] = [{ name: "anonymous", cookie: null }];

/** A concrete path for a route pattern: parameters filled with plausible values. */
function concrete(pattern: string): string {
  return pattern
    .replace(":file", assetPath(STAFF_ASSETS, staffStyle).split("/").pop()!)
    .replace(/:op\{[^}]+\}/, "disable")
    .replace(":kind", "topic")
    .replace(":version", "1")
    .replace(/:id\b/g, crypto.randomUUID())
    .replace(/\/\*$/, "/nothing-here");
}

const routes = [
  ...new Set(
    staffApp.routes
      .filter((r) => r.path !== "/health" && r.path !== "*" && r.path !== "/*")
      .map((r) => `${r.method} ${concrete(r.path)}`),
  ),
]
  .map((line) => line.split(" ") as [string, string])
  .flatMap(
    ([method, path]) =>
      (method === "ALL"
        ? [
            ["GET", path],
            ["POST", path],
          ]
        : [[method, path]]) as [string, string][],
  );

function expectStaffHeaders(res: Response, what: string, path = ""): void {
  const h = res.headers;
  expect(h.get("X-Frame-Options"), what).toBe("DENY");
  const csp = h.get("Content-Security-Policy") ?? "";
  for (const directive of [
    "frame-ancestors 'none'",
    "default-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "style-src 'self'",
  ])
    expect(csp, what).toContain(directive);
  expect(csp, what).not.toMatch(/script-src|unsafe-inline|unsafe-eval|\*/);
  expect(h.get("X-Content-Type-Options"), what).toBe("nosniff");
  expect(h.get("Referrer-Policy"), what).toBe("no-referrer");
  expect(h.get("Strict-Transport-Security"), what).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  // The one stylesheet is a hash-named, immutable file; everything else is never stored.
  const isAsset = path.startsWith(`${STAFF_ASSETS}/`) && res.status === 200;
  if (!isAsset) expect(h.get("Cache-Control"), what).toBe("no-store");
}

function request(method: string, path: string, visitor: Visitor, withCsrf: boolean): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (visitor.cookie) headers.set("Cookie", visitor.cookie);
  const body =
    method === "GET" ? undefined : new URLSearchParams(withCsrf && visitor.csrf ? { _csrf: visitor.csrf } : {});
  return new Request(`${BASE}${path}`, { method, headers, body, redirect: "manual" });
}

beforeAll(async () => {
  for (const role of ["referent", "editor", "admin"] as const) {
    const { cookie } = await loginAs(role);
    visitors.push({
      name: role,
      cookie,
      csrf: await csrfOf(
        cookie,
        role === "editor" ? "/admin/content" : role === "admin" ? "/admin/staff" : "/referent",
      ),
    });
  }
});

describe("headers on every staff route", () => {
  it(`should cover every route the staff Worker has (${routes.length} method × path)`, () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const path of ["/login", "/referent", "/admin/staff", "/admin/teams", "/admin/content/import", "/logout"]) {
      expect(
        routes.some(([, p]) => p === path),
        path,
      ).toBe(true);
    }
  });

  it("should be on every answer, for every visitor, with and without a CSRF token, from the staff Worker itself", async () => {
    let answers = 0;
    for (const [method, path] of routes) {
      // Signing out would end the session the next routes use: it is checked on a session of its own below.
      if (method === "POST" && path === "/logout") continue;
      for (const visitor of visitors) {
        for (const withCsrf of method === "GET" ? [false] : [false, true]) {
          const res = await staffApp.fetch(request(method, path, visitor, withCsrf), env);
          expectStaffHeaders(
            res,
            `${method} ${path} as ${visitor.name}${withCsrf ? " with CSRF" : ""} → ${res.status}`,
            path,
          );
          expect(res.status, `${method} ${path} as ${visitor.name}`).toBeLessThan(500);
          answers++;
        }
      }
    }
    expect(answers).toBeGreaterThan(200);
  });

  it("should be on every GET page through the chat Worker too", async () => {
    for (const [method, path] of routes.filter(([m]) => m === "GET")) {
      for (const visitor of visitors) {
        const res = await staffFetch(path, { cookie: visitor.cookie });
        expectStaffHeaders(res, `${method} ${path} as ${visitor.name} via the chat Worker → ${res.status}`, path);
      }
    }
  });

  it("should be on sign-out and on the sign-in's own answers (wrong password, too many, redirect)", async () => {
    const me = await loginAs("admin");
    const csrf = await csrfOf(me.cookie, "/admin/staff");
    expectStaffHeaders(
      await staffApp.fetch(request("POST", "/logout", { name: "admin", cookie: me.cookie, csrf }, true), env),
      "POST /logout",
    );
    const from = { "CF-Connecting-IP": "203.0.113.200" };
    const attempts: Response[] = [];
    for (let i = 0; i < 7; i++)
      attempts.push(
        await staffFetch("/login", {
          method: "POST",
          headers: from,
          body: new URLSearchParams({ email: me.email, password: "wrong password!" }),
        }),
      );
    expect(attempts.map((r) => r.status)).toContain(429);
    for (const res of attempts) expectStaffHeaders(res, `POST /login → ${res.status}`);
    expectStaffHeaders(
      await staffFetch("/login", {
        method: "POST",
        body: new URLSearchParams({ email: "x@example.org", password: "x".repeat(9000) }),
      }),
      "POST /login 413",
    );
  });
});
