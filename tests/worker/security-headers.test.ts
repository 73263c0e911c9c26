import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { siteApp } from "../../worker/site-app.ts";
import { staffApp } from "../../worker/staff-app.ts";
import { publishSeedRoadmapRules } from "../support/content.ts";
import { loginAs, staffFetch } from "../support/staff.ts";
import { openSession } from "../support/webchat.ts";
import { postUpdate, textUpdate } from "../support/telegram.ts";

/**
 * Every response of the three Workers carries the security headers (pages, JSON, errors,
 * redirects, the webhook); pages carry no inline script or style their CSP would refuse.
 */

const BASE = "https://passerelle.test";
const chat = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${BASE}${path}`, init));

let editorCookie = "";
let adminCookie = "";
let referentCookie = "";
let token = "";

beforeAll(async () => {
  await publishSeedRoadmapRules();
  editorCookie = (await loginAs("editor")).cookie;
  adminCookie = (await loginAs("admin")).cookie;
  referentCookie = (await loginAs("referent")).cookie;
  token = (await openSession()).token;
});

function expectSecure(res: Response, what: string): void {
  const h = res.headers;
  expect(h.get("X-Content-Type-Options"), what).toBe("nosniff");
  expect(h.get("Referrer-Policy"), what).toBe("no-referrer");
  expect(h.get("X-Frame-Options"), what).toBe("DENY");
  const csp = h.get("Content-Security-Policy") ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("default-src 'none'");
  expect(csp, what).not.toContain("unsafe-inline");
  expect(csp, what).not.toContain("unsafe-eval");
  expect(h.get("Strict-Transport-Security"), what).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
}

/** What a strict CSP would refuse in a page: inline scripts, inline styles, event handler attributes. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) if (!/\ssrc=/.test(m[1]!)) found.push(m[0]);
  for (const m of html.matchAll(/<style\b[^>]*>/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<[^>]+\sstyle=/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<[^>]+\son[a-z]+=/gi)) found.push(m[0]);
  for (const m of html.matchAll(/(href|src|action)="javascript:/gi)) found.push(m[0]);
  return found;
}

describe("security headers on the chat Worker", () => {
  it.each([
    ["the web chat page", "GET", "/"],
    ["the simulator page", "GET", "/parcours?birth=2008-05&status=ase&dept=44"],
    ["the simulator API", "GET", "/api/roadmap?birth=2008-05&status=ase&dept=44"],
    ["a simulator 400", "GET", "/api/roadmap?birth=nope"],
    ["health", "GET", "/health"],
    ["a 404", "GET", "/nope"],
    ["a chat API 401", "POST", "/api/chat/message"],
  ])("should be on %s", async (what, method, path) => {
    const res = await chat(path, { method, ...(method === "POST" ? { body: "{}" } : {}) });
    expectSecure(res, what);
    expect(res.headers.get("Cache-Control"), what).toBe("no-store");
  });

  it("should be on the chat API's answers and on the Telegram webhook's", async () => {
    const res = await chat("/api/chat/message", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ action: "menu" }),
    });
    expect(res.status).toBe(200);
    expectSecure(res, "chat message");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const hook = await postUpdate(textUpdate(70_001, "/start"));
    expect(hook.status).toBe(200);
    expectSecure(hook, "webhook");
  });

  it("should send HSTS over HTTPS only (a local http:// run must not pin localhost)", async () => {
    const res = await exports.default.fetch(new Request("http://localhost:8787/health"));
    expect(res.headers.get("Strict-Transport-Security")).toBeNull();
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("should allow scripts and styles from its own origin only, and no inline code in its pages", async () => {
    const csp = (await chat("/")).headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    for (const path of [
      "/",
      "/parcours",
      "/parcours?birth=2008-05&status=ase&dept=44",
      "/parcours?birth=2030-01&status=ase&dept=44",
    ]) {
      const html = await (await chat(path)).text();
      expect(inlineCode(html), path).toEqual([]);
      expect(html, path).toMatch(/<link rel="stylesheet" href="\/assets\/[a-z]+\.[0-9a-f]{12}\.css"/);
    }
    expect(await (await chat("/")).text()).toMatch(/<script src="\/assets\/chat\.[0-9a-f]{12}\.js" defer(="")?>/);
  });
});

describe("security headers on the staff pages", () => {
  const PAGES = [
    "/login",
    "/referent",
    "/admin/staff",
    "/admin/teams",
    "/admin/content",
    "/admin/content/translations",
    "/admin/content/publish",
    "/admin/content/preview",
    "/admin/content/roadmap",
    "/admin/content/roadmap/steps/new",
    "/admin/content/roadmap/history",
    "/admin/content/insight",
    "/admin/content/transfer",
    "/admin/content/topic/new",
    "/logout",
  ];

  it("should be on every page, with no-store and no script allowed at all", async () => {
    for (const path of PAGES) {
      const res = await staffFetch(path, { cookie: adminCookie });
      expect(res.status, path).toBe(200);
      expectSecure(res, path);
      expect(res.headers.get("Cache-Control"), path).toBe("no-store");
      const csp = res.headers.get("Content-Security-Policy")!;
      expect(csp, path).not.toContain("script-src");
      expect(csp, path).toContain("style-src 'self'");
      const html = await res.text();
      expect(inlineCode(html), path).toEqual([]);
      expect(html, path).toMatch(/<link rel="stylesheet" href="\/admin\/assets\/staff\.[0-9a-f]{12}\.css"/);
    }
  });

  it("should be on redirects, refusals and errors: the sign-in redirect, a 403 page, a 401, a 404 page", async () => {
    const cases: [string, Response][] = [
      ["anonymous redirect", await staffFetch("/referent")],
      ["wrong role 403 page", await staffFetch("/admin/staff", { cookie: editorCookie })],
      [
        "anonymous POST 401",
        await staffFetch("/referent/codes", { method: "POST", body: new URLSearchParams({ purpose: "young" }) }),
      ],
      ["signed-in 404 page", await staffFetch("/referent/nothing-here", { cookie: referentCookie })],
    ];
    for (const [what, res] of cases) {
      expectSecure(res, what);
      expect(res.headers.get("Cache-Control"), what).toBe("no-store");
    }
    const forbidden = await (await staffFetch("/admin/staff", { cookie: editorCookie })).text();
    expect(inlineCode(forbidden)).toEqual([]);
  });

  it("should be set by the staff Worker itself, not only by the chat Worker that forwards to it", async () => {
    const res = await staffApp.fetch(new Request(`${BASE}/login`), env);
    expectSecure(res, "staff Worker direct");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("should be set by the site Worker itself, not only by the chat Worker that forwards to it", async () => {
    for (const path of ["/", "/parcours", "/lettres", "/sw.js", "/offline", "/nope"]) {
      const res = await siteApp.fetch(new Request(`${BASE}${path}`), env);
      expectSecure(res, `site Worker direct ${path}`);
    }
  });
});
