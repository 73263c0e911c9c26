import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedContent } from "../support/content.ts";
import { fakeTelegram } from "../support/outside.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../support/telegram.ts";
import { actions, openSession, send } from "../support/webchat.ts";

/** The first emergency number a text gives (the one read first). */
const firstNumber = (text: string) => /\b(3114|119|115|112|114|17|15|3919)\b/.exec(text)?.[1];

beforeAll(async () => {
  await seedContent();
});

describe("an emergency phrase in the web chat", () => {
  it.each([
    ["fr", "je veux plus vivre", "3114"],
    ["fr", "jai avalé tous mes cachets", "15"],
    ["fr", "je dors dehors ce soir", "115"],
    ["fr", "mon beau-père me frappe", "119"],
    ["fr", "un mec me suit depuis la gare", "112"],
    ["en", "I want to kill myself", "3114"],
    ["en", "I am sleeping outside tonight", "115"],
    ["ar", "بغيت نموت", "3114"],
    ["ps", "غواړم مړ شم", "3114"],
    ["prs", "می خواهم بمیرم", "3114"],
  ])(
    "should be answered first with its number (%s: %s → %s), even before the profile",
    async (locale, text, number) => {
      const session = await openSession({ locale });
      const r = await send(session.token, { text });
      expect(firstNumber(r.replies[0]!.text)).toBe(number);
    },
  );

  it("should give the numbers but raise no alert before the first screens (anyone can open a session)", async () => {
    const session = await openSession();
    const r = await send(session.token, { text: "j'ai envie de me suicider" });
    expect(firstNumber(r.replies[0]!.text)).toBe("3114");
    expect(r.replies[0]!.text).not.toContain("J'ai prévenu ton référent");
    expect(r.replies[0]!.text).toContain("choisis d'abord ta langue");
    expect(actions(r)).toEqual(["menu"]);
    const count = await env.DB.prepare("select count(*) as n from alerts where young_id = ?")
      .bind(session.sessionId)
      .first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("should raise a crisis alert automatically for a severe case, say so, and let them add a message", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    await send(session.token, { action: "privacy:skip" });
    const r = await send(session.token, { text: "j'ai envie de me suicider" });
    expect(firstNumber(r.replies[0]!.text)).toBe("3114");
    // No référent is linked to a new session: the reply says the alert will not be seen at once.
    expect(r.replies[0]!.text).toContain("personne ne la verra tout de suite");
    expect(actions(r)).toEqual(expect.arrayContaining(["contact", "link"]));
    const alert = await env.DB.prepare("select kind, severity, subject, message from alerts where young_id = ?")
      .bind(session.sessionId)
      .first();
    expect(alert).toEqual({ kind: "crisis", severity: "severe", subject: "suicide", message: null });
  });

  it("should offer, not force, an alert when there is no place to sleep, and give 115 again once saved", async () => {
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    await send(session.token, { action: "privacy:accept" });
    const r = await send(session.token, { text: "je dors dehors" });
    expect(actions(r)).toContain("alert:shelter");
    const count = await env.DB.prepare("select count(*) as n from alerts where young_id = ?")
      .bind(session.sessionId)
      .first<{ n: number }>();
    expect(count!.n).toBe(0);
    const after = await send(session.token, { action: "alert:shelter" });
    expect(after.replies[0]!.text).toContain("enregistré");
    expect(after.replies[0]!.text).toContain("115");
    const alert = await env.DB.prepare("select kind, subject from alerts where young_id = ?")
      .bind(session.sessionId)
      .first();
    expect(alert).toEqual({ kind: "crisis", subject: "shelter" });
  });
});

describe("an emergency phrase on Telegram", () => {
  const CHAT = 7301;
  beforeEach(() => fakeTelegram.reset());

  /** Past the language and privacy screens, so that alerts may be raised (bot/flows/contact.ts). */
  async function started(chat: number) {
    await postUpdate(buttonUpdate(chat, "lang:fr"));
    await postUpdate(buttonUpdate(chat, "privacy:accept"));
    fakeTelegram.reset();
  }

  it("should answer an overdose with 15 first and raise the alert", async () => {
    await started(CHAT);
    const res = await postUpdate(textUpdate(CHAT, "j'ai pris toute la plaquette de doliprane"));
    expect(res.status).toBe(200);
    const sent = fakeTelegram.messages.filter((c) => c.method === "sendMessage");
    expect(sent).toHaveLength(1);
    expect(firstNumber(String(sent[0]!.params.text))).toBe("15");
    expect(keyboardOf(sent[0]!.params).map(([, action]) => action)).toEqual(
      expect.arrayContaining(["contact", "menu"]),
    );
    const alert = await env.DB.prepare(
      "select a.kind, a.subject from alerts a join young_people y on y.id = a.young_id where a.subject = 'overdose'",
    ).first();
    expect(alert).toEqual({ kind: "crisis", subject: "overdose" });
  });

  it("should offer the alert button for a night outside, and store the alert when pressed", async () => {
    const chat = CHAT + 1;
    await started(chat);
    await postUpdate(textUpdate(chat, "jsuis a la rue ce soir"));
    const sent = fakeTelegram.messages.filter((c) => c.method === "sendMessage");
    expect(firstNumber(String(sent[0]!.params.text))).toBe("115");
    expect(keyboardOf(sent[0]!.params).map(([, action]) => action)).toContain("alert:shelter");
    fakeTelegram.reset();
    const res = await postUpdate(buttonUpdate(chat, "alert:shelter"));
    expect(res.status).toBe(200);
    const confirm = fakeTelegram.messages.filter((c) => c.method === "sendMessage");
    expect(String(confirm[0]!.params.text)).toContain("115");
  });
});
