import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT } from "../../../bot/telegram.ts";
import { TelegramError } from "../../../worker/telegram/errors.ts";
import { sendReplies, type MessageSender } from "../../../worker/telegram/send.ts";

/** A MessageSender that records what Telegram would receive. */
function recorder() {
  const sent: { text: string; keyboard: boolean }[] = [];
  const cards: string[] = [];
  const api: MessageSender = {
    async sendMessage(_chat, text, other) {
      sent.push({ text, keyboard: other.reply_markup !== undefined });
      return {};
    },
    async sendContact(_chat, card) {
      cards.push(`${card.phone_number} ${card.last_name}`);
      return {};
    },
  };
  return { api, sent, cards };
}

const unescapeHtml = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

// Issue 22, finding 13: text was split before escaping, so "&" or "<" could push a message over 4 096.
describe("sendReplies", () => {
  it("should split after escaping: a 4 000-character reply full of & and < stays under 4 096 per message", async () => {
    const text = "Tom & Léa <3 ".repeat(310);
    const { api, sent } = recorder();
    expect((await sendReplies(api, "1", [{ text, buttons: [{ label: "Menu", action: "menu" }] }])).unsent).toEqual([]);
    expect(sent.length).toBeGreaterThan(1);
    for (const message of sent) {
      expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(message.text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    }
    expect(sent.map((m) => unescapeHtml(m.text)).join("")).toBe(text);
    expect(sent.map((m) => m.keyboard)).toEqual([...sent.slice(1).map(() => false), true]);
  });

  it("should not join two replies whose escaped texts would not fit one message", async () => {
    const { api, sent } = recorder();
    await sendReplies(api, "1", [{ text: "&".repeat(1000) }, { text: "<".repeat(1000) }]);
    for (const message of sent) expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(
      sent
        .map((m) => unescapeHtml(m.text))
        .join("")
        .replace(/\s/g, ""),
    ).toBe("&".repeat(1000) + "<".repeat(1000));
  });

  it("should send no empty message for an empty reply", async () => {
    const { api, sent } = recorder();
    await sendReplies(api, "1", [{ text: "" }, { text: "bonjour" }, { text: "  " }]);
    expect(sent.every((m) => m.text.trim().length > 0)).toBe(true);
    expect(sent.map((m) => m.text).join("")).toContain("bonjour");
  });
});

describe("sendReplies when Telegram refuses", () => {
  it("should stop at the first refused message and return that reply and the rest, with the error", async () => {
    const sent: string[] = [];
    const refusal = new TelegramError("sendMessage", 429, "Too Many Requests", { retry_after: 3 });
    const api: MessageSender = {
      async sendMessage(_chat, text) {
        if (sent.length === 1) throw refusal;
        sent.push(text);
        return {};
      },
      sendContact: async () => ({}),
    };
    const replies = [
      { text: "un", buttons: [{ label: "A", action: "a" }] },
      { text: "deux", buttons: [{ label: "B", action: "b" }] },
      { text: "trois" },
    ];
    const outcome = await sendReplies(api, "1", replies);
    expect(sent).toEqual(["un"]);
    expect(outcome.unsent).toEqual(replies.slice(1));
    expect(outcome.error).toBe(refusal);
  });
});

describe("sendReplies with numbers to call", () => {
  const call = [
    { number: "3114", label: "Idées suicidaires" },
    { number: "112", label: "Urgence" },
  ];

  it("should send a reply's numbers as contact cards after its text, joined replies keeping them", async () => {
    const { api, sent, cards } = recorder();
    await sendReplies(api, "1", [
      { text: "Appelle le 3114.", call },
      { text: "Menu", buttons: [{ label: "M", action: "menu" }] },
    ]);
    expect(sent.map((m) => m.text)).toEqual(["Appelle le 3114.\n\nMenu"]);
    expect(cards).toEqual(["3114 Idées suicidaires", "112 Urgence"]);
  });

  it("should neither resend the reply nor hold back the next ones when Telegram refuses a card", async () => {
    const sent: string[] = [];
    let cardTries = 0;
    const api: MessageSender = {
      async sendMessage(_chat, text) {
        sent.push(text);
        return {};
      },
      async sendContact() {
        cardTries++;
        throw new TelegramError("sendContact", 400, "Bad Request: phone number invalid");
      },
    };
    const outcome = await sendReplies(api, "1", [
      { text: "Appelle le 3114.", buttons: [{ label: "A", action: "a" }], call },
      { text: "ensuite" },
    ]);
    expect(outcome).toEqual({ unsent: [] });
    expect(sent).toEqual(["Appelle le 3114.", "ensuite"]);
    // The first refusal ends the cards: the second is not tried.
    expect(cardTries).toBe(1);
  });
});
