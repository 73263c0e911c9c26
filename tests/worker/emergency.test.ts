import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "../support/content.ts";
import { openSession, send } from "../support/webchat.ts";

beforeAll(async () => {
  await seedContent();
});

describe("an emergency phrase", () => {
  it.each([
    ["fr", "je veux mourir", "3114"],
    ["fr", "je dors dehors ce soir", "115"],
    ["fr", "mon beau-père me frappe", "119"],
    ["en", "I want to kill myself", "3114"],
    ["en", "I am sleeping outside tonight", "115"],
  ])("should be answered first with its number (%s: %s → %s), even before the profile", async (locale, text, number) => {
    const session = await openSession({ locale });
    const r = await send(session.token, { text });
    expect(r.replies[0]!.text).toContain(number);
  });

  it("should give the numbers but raise no alert before the first screens (anyone can open a session)", async () => {
    const session = await openSession();
    const r = await send(session.token, { text: "j'ai envie de me suicider" });
    expect(r.replies[0]!.text).toContain("3114");
    expect(r.replies[0]!.text).not.toContain("J'ai prévenu ton référent");
    expect(r.replies[0]!.buttons?.map((b) => b.action)).toEqual(["menu"]);
    const count = await env.DB.prepare("select count(*) as n from alerts where young_id = ?").bind(session.sessionId).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("should raise a crisis alert automatically for a severe case, and say so", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    await send(session.token, { action: "privacy:skip" });
    const r = await send(session.token, { text: "j'ai envie de me suicider" });
    expect(r.replies[0]!.text).toContain("J'ai prévenu ton référent");
    const alert = await env.DB.prepare("select kind, severity, message from alerts where young_id = ?").bind(session.sessionId).first();
    expect(alert).toEqual({ kind: "crisis", severity: "severe", message: null });
  });

  it("should offer, not force, an alert when there is no place to sleep", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    await send(session.token, { action: "privacy:accept" });
    const r = await send(session.token, { text: "je dors dehors" });
    expect(r.replies[0]!.buttons?.map((b) => b.action)).toContain("alert:shelter");
    const count = await env.DB.prepare("select count(*) as n from alerts where young_id = ?").bind(session.sessionId).first<{ n: number }>();
    expect(count!.n).toBe(0);
    const after = await send(session.token, { action: "alert:shelter" });
    expect(after.replies[0]!.text).toContain("enregistrée");
  });
});
