import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../../worker/app.ts";
import { sha256Hex } from "../../../worker/http.ts";
import { forgetPerson, keptPerson } from "../../../worker/turn/person-cache.ts";
import { seedContent } from "../../support/content.ts";
import { countedDb } from "../../support/counted-db.ts";
import { countRows } from "../../support/db.ts";
import { openSession, send, sendRaw } from "../../support/webchat.ts";

/**
 * The web chat's session middleware finds the person once per request: in the row this
 * isolate kept from their last turn (no D1 read), else in D1; a kept row deleted meanwhile
 * (by another isolate) is found out, never turned into a new person.
 */

beforeAll(async () => {
  await seedContent();
});

const message = (token: string, testEnv: Env) =>
  app.fetch(
    new Request("https://passerelle.test/api/chat/message", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: "menu" }),
    }),
    testEnv,
  );

async function returning() {
  const session = await openSession();
  await send(session.token, { action: "lang:fr" });
  await send(session.token, { action: "privacy:accept" });
  expect(keptPerson(`web:${await sha256Hex(session.token)}`)?.person.id).toBe(session.sessionId);
  return session;
}

describe("the web chat session", () => {
  it("should answer a returning person's message in one D1 round trip: the session is not read again", async () => {
    const session = await returning();
    const counted = countedDb(env.DB);
    const res = await message(session.token, counted.env);
    expect(res.status).toBe(200);
    expect(counted.calls.n).toBe(1);
  });

  it("should read the session from D1 when this isolate kept nothing, then run the turn", async () => {
    const session = await returning();
    forgetPerson(`web:${await sha256Hex(session.token)}`);
    const counted = countedDb(env.DB);
    const res = await message(session.token, counted.env);
    expect(res.status).toBe(200);
    // The session, the turn's read batch, its write batch.
    expect(counted.calls.n).toBe(3);
  });

  it("should refuse with 401 a kept session deleted meanwhile, and create nobody", async () => {
    const session = await returning();
    await env.DB.prepare("delete from young_people where id = ?1").bind(session.sessionId).run();
    const people = await countRows("young_people");
    const identities = await countRows("identities");
    expect((await sendRaw(session.token, JSON.stringify({ action: "menu" }))).status).toBe(401);
    expect(await countRows("young_people")).toBe(people);
    expect(await countRows("identities")).toBe(identities);
    expect(keptPerson(`web:${await sha256Hex(session.token)}`)).toBeUndefined();
  });

  it("should refuse the export and the roadmap of a kept session deleted meanwhile with 401", async () => {
    const session = await returning();
    await env.DB.prepare("delete from young_people where id = ?1").bind(session.sessionId).run();
    for (const path of ["/api/chat/export", "/api/chat/roadmap"]) {
      const res = await exports.default.fetch(
        new Request(`https://passerelle.test${path}`, { headers: { Authorization: `Bearer ${session.token}` } }),
      );
      expect(res.status).toBe(401);
    }
  });

  it("should answer 401 before anything else on every session route without a token", async () => {
    for (const [method, path] of [
      ["POST", "/api/chat/message"],
      ["GET", "/api/chat/export"],
      ["GET", "/api/chat/roadmap"],
      ["DELETE", "/api/chat/session"],
    ] as const) {
      const res = await exports.default.fetch(
        new Request(`https://passerelle.test${path}`, {
          method,
          headers: { "Content-Type": "application/json" },
          ...(method === "POST" ? { body: "{}" } : {}),
        }),
      );
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
