import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app.ts";
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

  it("should keep young people's paths to itself, answering them or a 404", async () => {
    const forwarded: string[] = [];
    const staff = {
      fetch: async (input: RequestInfo | URL) => {
        forwarded.push(String(input));
        return new Response("from staff");
      },
    } as unknown as Fetcher;
    const statuses: Record<string, number> = {};
    for (const path of ["/", "/health", "/parcours", "/adminx", "/logins"]) {
      statuses[path] = (
        await app.fetch(new Request(`https://passerelle.test${path}`), { ...env, STAFF: staff })
      ).status;
    }
    expect(forwarded).toEqual([]);
    expect(statuses).toEqual({ "/": 200, "/health": 200, "/parcours": 200, "/adminx": 404, "/logins": 404 });
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
