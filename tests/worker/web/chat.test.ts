import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { sha256Hex } from "../../../worker/http.ts";
import { keptPerson } from "../../../worker/turn/person-cache.ts";
import { seedContent } from "../../support/content.ts";
import { storedState } from "../../support/db.ts";
import { actions, openSession, send, sendRaw } from "../../support/webchat.ts";

beforeAll(async () => {
  await seedContent();
});

describe("the web chat journey", () => {
  it("should go from a new session to a step, like on Telegram", async () => {
    const session = await openSession();
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.replies[0]!.text).toContain("Je suis Passerelle");
    expect(actions(session)).toEqual(["lang:fr", "lang:en", "lang:ar", "lang:ps", "lang:prs"]);

    let r = await send(session.token, { action: "lang:fr" });
    expect(r.replies[0]!.text).toContain("Je garde seulement");
    r = await send(session.token, { action: "privacy:accept" });
    expect(actions(r)).toContain("year:2009");
    r = await send(session.token, { action: "year:2009" });
    r = await send(session.token, { action: "month:11" });
    expect(actions(r)).toContain("status:mna");
    r = await send(session.token, { action: "status:mna" });
    r = await send(session.token, { action: "dept:49" });
    expect(r.replies.map((x) => x.text)).toEqual([
      expect.stringContaining("c'est noté"),
      expect.stringContaining("Que veux-tu savoir"),
    ]);

    const residence = seedBundle.topics.find((t) => t.id === "residence")!;
    r = await send(session.token, { action: "topic:residence" });
    expect(r.replies[0]!.text).toContain(residence.title.fr);
    r = await send(session.token, { action: `step:${residence.stepIds[0]}` });
    expect(actions(r)).toEqual(expect.arrayContaining(["back", "menu"]));
    r = await send(session.token, { action: "menu" });
    expect(actions(r)).toContain("topic:housing");

    const row = await env.DB.prepare("select birth, status, dept from young_people where id = ?")
      .bind(session.sessionId)
      .first();
    expect(row).toEqual({ birth: "2009-11", status: "mna", dept: "49" });
    const identity = await env.DB.prepare("select key from identities where young_id = ?")
      .bind(session.sessionId)
      .first<{ key: string }>();
    expect(identity!.key).toMatch(/^[0-9a-f]{64}$/);
    expect(identity!.key).not.toContain(session.token);
  });

  it("should answer in the locale asked for, right to left for Arabic", async () => {
    const session = await openSession({ locale: "ar" });
    expect(session.dir).toBe("rtl");
    const r = await send(session.token, { action: "lang:en" });
    expect(r.dir).toBe("ltr");
    expect(r.replies[0]!.text).toContain("I only keep");
  });

  it("should answer a question before the profile is done, then resume", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    const r = await send(session.token, { text: "c'est quoi le contrat jeune majeur" });
    expect(r.replies.length).toBeGreaterThanOrEqual(3);
    expect(r.replies.at(-2)!.text).toContain("On reprend");
    expect(actions({ ...r, replies: [r.replies.at(-1)!] })).toEqual(["privacy:accept", "privacy:skip"]);
  });

  it("should let the young person skip the whole profile and still reach the menu", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    const r = await send(session.token, { action: "privacy:skip" });
    expect(actions(r)).toContain("topic:rights");
    const row = await env.DB.prepare("select birth, consent_at from young_people where id = ?")
      .bind(session.sessionId)
      .first();
    expect(row).toEqual({ birth: null, consent_at: null });
  });

  it("should store a help request for the référent and say what happens next", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    await send(session.token, { action: "privacy:skip" });
    let r = await send(session.token, { action: "contact" });
    expect(actions(r)).toContain("contact:send");
    r = await send(session.token, { text: "J'ai besoin d'aide pour mon dossier" });
    expect(r.replies[0]!.text).toContain("enregistrée");
    const alert = await env.DB.prepare("select kind, severity, message from alerts where young_id = ?")
      .bind(session.sessionId)
      .first();
    expect(alert).toEqual({ kind: "help", severity: "normal", message: "J'ai besoin d'aide pour mon dossier" });
    r = await send(session.token, { action: "contact" });
    expect(r.replies[0]!.text).toContain("déjà envoyée");
  });

  it("should export then delete everything on request", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    const exported = await env.DB.prepare("select count(*) as n from young_people where id = ?")
      .bind(session.sessionId)
      .first<{ n: number }>();
    expect(exported!.n).toBe(1);
    const res = await (await import("cloudflare:workers")).exports.default.fetch(
      new Request("https://passerelle.test/api/chat/export", { headers: { Authorization: `Bearer ${session.token}` } }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      profile: { locale: "fr" },
      requestsToReferent: [],
      roadmap: [],
      referents: [],
      remindersSent: [],
    });

    let r = await send(session.token, { action: "delete" });
    expect(actions(r)).toContain("delete:yes");
    r = await send(session.token, { action: "delete:yes" });
    expect(r.ended).toBe(true);
    const gone = await env.DB.prepare("select count(*) as n from young_people where id = ?")
      .bind(session.sessionId)
      .first<{ n: number }>();
    expect(gone!.n).toBe(0);
    expect((await sendRaw(session.token, JSON.stringify({ action: "menu" }))).status).toBe(401);
  });
});

describe("DELETE /api/chat/session", () => {
  const deleteSession = (token: string | null) =>
    exports.default.fetch(
      new Request("https://passerelle.test/api/chat/session", {
        method: "DELETE",
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      }),
    );

  it("should delete everything and forget the row this isolate kept for the person's next turn", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    const kept = `web:${await sha256Hex(session.token)}`;
    expect(keptPerson(kept)?.person.id).toBe(session.sessionId);

    const res = await deleteSession(session.token);
    expect(res.status).toBe(204);
    const gone = await env.DB.prepare("select count(*) as n from young_people where id = ?")
      .bind(session.sessionId)
      .first<{ n: number }>();
    expect(gone!.n).toBe(0);
    expect(keptPerson(kept)).toBeUndefined();
    expect((await sendRaw(session.token, JSON.stringify({ action: "menu" }))).status).toBe(401);
    expect((await deleteSession(session.token)).status).toBe(401);
  });

  it("should answer 401 without a token or with an unknown one, and delete nothing", async () => {
    await openSession();
    const before = await storedState();
    expect((await deleteSession(null)).status).toBe(401);
    expect((await deleteSession("A".repeat(43))).status).toBe(401);
    expect(await storedState()).toEqual(before);
  });
});

describe("the web chat API with bad input", () => {
  it.each([
    ["no token", null, JSON.stringify({ text: "hi" }), 401],
    ["a malformed token", "abc", JSON.stringify({ text: "hi" }), 401],
    ["an unknown token", "A".repeat(43), JSON.stringify({ text: "hi" }), 401],
  ])("should answer %s with 401 and store nothing", async (_name, token, body, status) => {
    const before = await storedState();
    const res = await sendRaw(token, body);
    expect(res.status).toBe(status);
    expect(await storedState()).toEqual(before);
  });

  it.each([
    ["malformed JSON", "{oops"],
    ["an empty object", "{}"],
    ["both text and action", JSON.stringify({ text: "a", action: "menu" })],
    ["an empty text", JSON.stringify({ text: "   " })],
    ["a text over 2000 characters", JSON.stringify({ text: "a".repeat(2001) })],
    ["control characters", JSON.stringify({ text: "bonjour\u0000\u001b" })],
    ["a badly formed action", JSON.stringify({ action: "DROP TABLE;" })],
    ["a number as text", JSON.stringify({ text: 12 })],
  ])("should answer 400 to %s and store nothing", async (_name, body) => {
    const session = await openSession();
    const before = await storedState();
    const res = await sendRaw(session.token, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.any(String) });
    expect(await storedState()).toEqual(before);
  });

  it("should refuse a 100 KB body with 413", async () => {
    const session = await openSession();
    const res = await sendRaw(session.token, JSON.stringify({ text: "a".repeat(100_000) }));
    expect(res.status).toBe(413);
  });

  it("should refuse an unknown locale for a new session", async () => {
    const before = await storedState();
    const res = await (await import("cloudflare:workers")).exports.default.fetch(
      new Request("https://passerelle.test/api/chat/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ locale: "xx" }),
      }),
    );
    expect(res.status).toBe(400);
    expect(await storedState()).toEqual(before);
  });
});
