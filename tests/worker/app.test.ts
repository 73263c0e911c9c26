import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app.ts";
import { siteApp } from "../../worker/site-app.ts";
import { staffApp } from "../../worker/staff-app.ts";

/** The chat Worker serves young people and forwards the staff paths to the staff Worker. */
const STAFF_PATHS = [
  "/login",
  "/logout",
  "/admin",
  "/admin/content/topic/housing",
  "/referent",
  "/referent/alerts/a1/ack",
];

/** A service binding that records what it was sent and answers `answer`. */
function recording(answer: string) {
  const seen: { method: string; path: string; body: string }[] = [];
  const binding = {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ method: request.method, path: new URL(request.url).pathname, body: await request.text() });
      return new Response(answer, { status: 201, headers: { "X-From": answer } });
    },
  } as Fetcher;
  return { binding, seen };
}

/** The chat Worker answers turns itself; every path it does not answer goes to the site Worker. */
describe("chat Worker", () => {
  it("should forward every staff path, method and body to the STAFF binding, and answer with its response", async () => {
    const seen: { method: string; url: string; body: string }[] = [];
    const staff = {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        seen.push({ method: request.method, url: request.url, body: await request.text() });
        return new Response("from staff", { status: 201 });
      },
    } as Fetcher;
    for (const path of STAFF_PATHS) {
      const res = await app.fetch(new Request(`https://passerelle.test${path}`, { method: "POST", body: "x=1" }), {
        ...env,
        STAFF: staff,
      });
      expect(res.status).toBe(201);
      expect(await res.text()).toBe("from staff");
    }
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual(STAFF_PATHS);
    expect(seen.every((s) => s.method === "POST" && s.body === "x=1")).toBe(true);
  });

  it("should answer 503 on a staff path when the staff Worker is not bound", async () => {
    const res = await app.fetch(new Request("https://passerelle.test/admin"), {
      ...env,
      STAFF: undefined,
    } as unknown as Env);
    expect(res.status).toBe(503);
  });

  it("should answer turns itself and forward every other path, method and body to the SITE binding", async () => {
    const staff = recording("from staff");
    const site = recording("from site");
    const on = { ...env, STAFF: staff.binding, SITE: site.binding };
    const statuses: Record<string, number> = {};
    for (const path of ["/health", "/telegram/webhook", "/api/chat/session"])
      statuses[path] = (
        await app.fetch(new Request(`https://passerelle.test${path}`, { method: "POST", body: "{" }), on)
      ).status;
    // A webhook without its secret and a session without a body are answered here; the health check is GET
    // only, so a POST to it is not this Worker's and goes to the site Worker.
    expect(statuses).toEqual({ "/health": 201, "/telegram/webhook": 401, "/api/chat/session": 400 });
    expect(site.seen.map((s) => s.path)).toEqual(["/health"]);
    site.seen.length = 0;
    expect((await app.fetch(new Request("https://passerelle.test/health"), on)).status).toBe(200);
    for (const path of ["/", "/parcours", "/lettres/x", "/sw.js", "/adminx", "/logins"]) {
      const res = await app.fetch(new Request(`https://passerelle.test${path}`, { method: "POST", body: "y=2" }), on);
      expect(await res.text()).toBe("from site");
      expect(res.headers.get("X-From")).toBe("from site");
      // The chat Worker's own headers are added to the forwarded answer where it lacks them.
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
    expect(site.seen).toEqual(
      ["/", "/parcours", "/lettres/x", "/sw.js", "/adminx", "/logins"].map((path) => ({
        method: "POST",
        path,
        body: "y=2",
      })),
    );
    expect(staff.seen).toEqual([]);
  });

  it("should answer 503 on a page path when the site Worker is not bound", async () => {
    const res = await app.fetch(new Request("https://passerelle.test/"), { ...env, SITE: undefined } as unknown as Env);
    expect(res.status).toBe(503);
  });
});

describe("site Worker", () => {
  it("should serve the young people's pages and nothing of the chat or the staff", async () => {
    for (const path of ["/", "/parcours", "/lettres", "/manifest.webmanifest", "/sw.js", "/offline", "/health"])
      expect((await siteApp.fetch(new Request(`https://passerelle.test${path}`), env)).status, path).toBe(200);
    for (const [method, path] of [
      ["POST", "/telegram/webhook"],
      ["POST", "/whatsapp/webhook"],
      ["POST", "/api/chat/session"],
      ["GET", "/login"],
      ["GET", "/admin"],
      ["GET", "/referent"],
    ] as const)
      expect((await siteApp.fetch(new Request(`https://passerelle.test${path}`, { method }), env)).status, path).toBe(
        404,
      );
  });
});

describe("staff Worker", () => {
  it("should serve sign-in and nothing of the chat", async () => {
    expect((await staffApp.fetch(new Request("https://passerelle.test/login"), env)).status).toBe(200);
    expect(
      (await staffApp.fetch(new Request("https://passerelle.test/api/chat/session", { method: "POST" }), env)).status,
    ).toBe(404);
    expect(
      (await staffApp.fetch(new Request("https://passerelle.test/telegram/webhook", { method: "POST" }), env)).status,
    ).toBe(404);
  });
});
