import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedContent } from "../support/content.ts";
import { fakeTelegram, fakeWhatsApp } from "../support/outside.ts";
import { postUpdate, textUpdate } from "../support/telegram.ts";
import { buttonMessage, listMessage, postWhatsApp, textMessage, webhookCall } from "../support/whatsapp.ts";
import { openSession, send } from "../support/webchat.ts";

/**
 * Issue 24: short numbers (3114, 112…) are plain text in Telegram and WhatsApp messages, which
 * link only numbers in international form. A crisis reply carries them as contact cards after
 * its text, at the fake Bot API and the fake Graph API, in the young person's language.
 */

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => {
  fakeTelegram.reset();
  fakeWhatsApp.reset();
});

let chats = 710000;

describe("a crisis on Telegram", () => {
  it("should send 3114 and 112 as contact cards right after the crisis text", async () => {
    const chat = chats++;
    await postUpdate(textUpdate(chat, "je veux mourir"));
    const calls = fakeTelegram.messages.filter((c) => String(c.params.chat_id) === String(chat));
    const crisis = calls.findIndex((c) => c.method === "sendMessage" && String(c.params.text).includes("3114"));
    expect(crisis).toBeGreaterThanOrEqual(0);
    const cards = calls.slice(crisis + 1, crisis + 3);
    expect(cards.map((c) => [c.method, c.params.phone_number, c.params.first_name])).toEqual([
      ["sendContact", "3114", "3114"],
      ["sendContact", "112", "112"],
    ]);
    expect(cards[0]!.params.last_name).toBe("Idées suicidaires, pour toi ou quelqu'un d'autre");
    expect(cards[1]!.params.last_name).toBe("Urgence : tous les secours");
  });

  it("should name the cards in the young person's language, right to left text kept whole", async () => {
    const chat = chats++;
    const update = textUpdate(chat, "بغيت نموت");
    update.message.from.language_code = "ar";
    await postUpdate(update);
    const cards = fakeTelegram.messages.filter(
      (c) => c.method === "sendContact" && String(c.params.chat_id) === String(chat),
    );
    expect(cards.map((c) => [c.params.phone_number, c.params.last_name])).toEqual([
      ["3114", "أفكار انتحار، لك أو لشخص آخر"],
      ["112", "طوارئ: كل خدمات الإسعاف"],
    ]);
  });

  it("should still deliver the crisis text and what follows when Telegram refuses a card", async () => {
    const chat = chats++;
    // The crisis text goes through; the first card is refused.
    fakeTelegram.failNext(
      { status: 200, body: { ok: true, result: { message_id: 1, date: 0, chat: { id: chat, type: "private" } } } },
      { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: phone number invalid" } },
    );
    const res = await postUpdate(textUpdate(chat, "je veux mourir"));
    expect(res.status).toBe(200);
    const calls = fakeTelegram.messages.filter((c) => String(c.params.chat_id) === String(chat));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendContact"]);
    expect(String(calls[0]!.params.text)).toContain("3114");
  });

  it("should send no card with an ordinary answer", async () => {
    const chat = chats++;
    await postUpdate(textUpdate(chat, "/start"));
    expect(fakeTelegram.messages.some((c) => c.method === "sendContact")).toBe(false);
  });
});

describe("a crisis on WhatsApp", () => {
  it("should send 3114 and 112 as one contacts message after the crisis text", async () => {
    const from = "33600000900";
    for (const message of [
      textMessage(from, "Bonjour"),
      listMessage(from, "lang:fr"),
      buttonMessage(from, "privacy:accept"),
    ])
      await postWhatsApp(webhookCall([message]));
    fakeWhatsApp.reset();
    await postWhatsApp(webhookCall([textMessage(from, "je veux mourir")]));
    const messages = fakeWhatsApp.calls.map((c) => c.message as { type: string; contacts?: unknown[] });
    const last = messages.at(-1)!;
    expect(messages.length).toBeGreaterThan(1);
    expect(last.type).toBe("contacts");
    expect(last.contacts).toEqual([
      {
        name: { formatted_name: "3114 – Idées suicidaires, pour toi ou quelqu'un d'autre", first_name: "3114" },
        phones: [{ phone: "3114", type: "MAIN" }],
      },
      {
        name: { formatted_name: "112 – Urgence : tous les secours", first_name: "112" },
        phones: [{ phone: "112", type: "MAIN" }],
      },
    ]);
  });
});

describe("a crisis in the web chat", () => {
  it("should carry the numbers to call with the reply (the page links every number itself)", async () => {
    const session = await openSession({ locale: "fr" });
    const r = await send(session.token, { text: "je veux mourir" });
    expect((r.replies[0] as { call?: { number: string }[] }).call?.map((c) => c.number)).toEqual(["3114", "112"]);
  });
});
