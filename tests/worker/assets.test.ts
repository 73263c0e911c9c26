import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { staffFetch } from "../support/staff.ts";

/** The script and stylesheets are files with a content hash in their name (worker/assets.ts). */

const chat = (path: string) => exports.default.fetch(new Request(`https://passerelle.test${path}`));

async function linked(html: string, pattern: RegExp): Promise<string> {
  const m = pattern.exec(html);
  if (!m) throw new Error(`no ${pattern} in the page`);
  return m[1]!;
}

describe("static files", () => {
  it("should serve the web chat's script and stylesheet named in its page, cached for a year, typed, nosniff", async () => {
    const page = await (await chat("/")).text();
    for (const [path, type] of [
      [await linked(page, /<script src="([^"]+)"/), "text/javascript"],
      [await linked(page, /<link rel="stylesheet" href="([^"]+)"/), "text/css"],
    ] as const) {
      const res = await chat(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Content-Type"), path).toBe(`${type}; charset=utf-8`);
      expect(res.headers.get("Cache-Control"), path).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect((await res.text()).length, path).toBeGreaterThan(500);
    }
    const script = await (await chat(await linked(page, /<script src="([^"]+)"/))).text();
    expect(script).toContain('fetch(path, { method: "POST"');
  });

  it("should serve the staff stylesheet to anyone (the sign-in page needs it)", async () => {
    const page = await (await staffFetch("/login")).text();
    const path = await linked(page, /<link rel="stylesheet" href="([^"]+)"/);
    const res = await staffFetch(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(await res.text()).toContain(".card{");
  });

  it("should not serve a name with another hash: a 404 on the chat Worker, the sign-in on a staff path", async () => {
    expect((await chat("/assets/chat.0000000000ab.js")).status).toBe(404);
    expect((await chat("/assets/../wrangler.toml")).status).toBe(404);
    const staff = await staffFetch("/admin/assets/staff.0000000000ab.css");
    expect(staff.status).toBe(302);
    expect(staff.headers.get("Location")).toMatch(/^\/login\?next=/);
  });
});
