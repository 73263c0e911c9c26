import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /health", () => {
  it("should answer ok", async () => {
    const res = await exports.default.fetch("https://passerelle.test/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("should answer 404 in JSON for an unknown path", async () => {
    const res = await exports.default.fetch("https://passerelle.test/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found" });
  });
});
