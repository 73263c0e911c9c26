import { describe, expect, it } from "vitest";
import {
  clip,
  inboundMessages,
  insideServiceWindow,
  LIMITS,
  renderReplies,
  templateMessage,
  webhookSchema,
  whatsappMessageSchema,
  type WhatsAppMessage,
} from "../../bot/whatsapp.ts";
import type { Reply } from "../../bot/types.ts";

const PHONE_ID = "1000001";
const labels = { chooseButton: "Choisir", more: "Suite :" };

function payload(messages: unknown[], phoneNumberId = PHONE_ID) {
  return webhookSchema().parse({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "waba",
        changes: [
          {
            field: "messages",
            value: { messaging_product: "whatsapp", metadata: { phone_number_id: phoneNumberId }, messages },
          },
        ],
      },
    ],
  });
}

const text = (body: string, id = "wamid.1") => ({
  from: "33612345678",
  id,
  timestamp: "1764763200",
  type: "text",
  text: { body },
});

describe("inboundMessages", () => {
  it("should read a text message with its sender, id and time", () => {
    expect(inboundMessages(payload([text("Bonjour")]), PHONE_ID)).toEqual([
      {
        from: "33612345678",
        messageId: "wamid.1",
        sentAt: new Date(1764763200 * 1000),
        input: { kind: "text", text: "Bonjour" },
      },
    ]);
  });

  it("should read button and list replies, and template quick replies, as actions", () => {
    const base = { from: "33612345678", timestamp: "1764763200" };
    const inputs = inboundMessages(
      payload([
        {
          ...base,
          id: "a",
          type: "interactive",
          interactive: { type: "button_reply", button_reply: { id: "menu", title: "Menu" } },
        },
        {
          ...base,
          id: "b",
          type: "interactive",
          interactive: { type: "list_reply", list_reply: { id: "topic:housing", title: "Logement" } },
        },
        { ...base, id: "c", type: "button", button: { payload: "roadmap", text: "Mon parcours" } },
      ]),
      PHONE_ID,
    ).map((m) => m.input);
    expect(inputs).toEqual([
      { kind: "action", action: "menu" },
      { kind: "action", action: "topic:housing" },
      { kind: "action", action: "roadmap" },
    ]);
  });

  it("should read commands as on Telegram, and media as media, never their content", () => {
    const base = { from: "33612345678", timestamp: "1764763200" };
    const inputs = inboundMessages(
      payload([
        text("/menu", "a"),
        { ...base, id: "b", type: "image", image: { id: "media-1" } },
        { ...base, id: "c", type: "audio", audio: { id: "media-2" } },
        { ...base, id: "d", type: "location", location: { latitude: 47.2, longitude: -1.5 } },
      ]),
      PHONE_ID,
    ).map((m) => m.input);
    expect(inputs).toEqual([
      { kind: "action", action: "menu" },
      { kind: "media", media: "document" },
      { kind: "media", media: "voice" },
      { kind: "media", media: "other" },
    ]);
  });

  it("should skip a malformed message without losing the good one beside it", () => {
    const messages = inboundMessages(
      payload([
        { from: "not a number", id: "x", timestamp: "1", type: "text", text: { body: "a" } },
        text("ok", "good"),
      ]),
      PHONE_ID,
    );
    expect(messages.map((m) => m.messageId)).toEqual(["good"]);
  });

  it("should ignore statuses, reactions, other fields and other phone numbers", () => {
    const statuses = webhookSchema().parse({
      object: "whatsapp_business_account",
      entry: [
        {
          changes: [
            {
              field: "messages",
              value: { metadata: { phone_number_id: PHONE_ID }, statuses: [{ id: "wamid.1", status: "read" }] },
            },
            { field: "account_update", value: { event: "x" } },
          ],
        },
      ],
    });
    expect(inboundMessages(statuses, PHONE_ID)).toEqual([]);
    expect(inboundMessages(payload([text("a")], "other-number"), PHONE_ID)).toEqual([]);
    expect(
      inboundMessages(
        payload([{ from: "33612345678", id: "r", timestamp: "1", type: "reaction", reaction: { emoji: "👍" } }]),
        PHONE_ID,
      ),
    ).toEqual([]);
  });
});

function buttonsOf(message: WhatsAppMessage) {
  if (message.type !== "interactive") throw new Error(`expected interactive, got ${message.type}`);
  return message.interactive;
}

describe("renderReplies", () => {
  it("should follow a reply's numbers to call with one contacts message, a card per number, valid for Meta", () => {
    const reply: Reply = {
      text: "🚨 اتصل الآن بـ 3114",
      buttons: [{ label: "Menu", action: "menu" }],
      call: [
        { number: "3114", label: "أفكار انتحار" },
        { number: "112", label: "طوارئ" },
      ],
    };
    const messages = renderReplies([reply], labels);
    expect(messages.map((m) => m.type)).toEqual(["interactive", "contacts"]);
    expect(messages[1]).toEqual({
      type: "contacts",
      contacts: [
        {
          name: { formatted_name: "3114 – أفكار انتحار", first_name: "3114" },
          phones: [{ phone: "3114", type: "MAIN" }],
        },
        { name: { formatted_name: "112 – طوارئ", first_name: "112" }, phones: [{ phone: "112", type: "MAIN" }] },
      ],
    });
    for (const m of messages) expect(whatsappMessageSchema().safeParse(m).success).toBe(true);
    expect(renderReplies([{ text: "Appelle le 115." }], labels).some((m) => m.type === "contacts")).toBe(false);
  });

  it("should send a reply without buttons as text, with no link preview", () => {
    expect(renderReplies([{ text: "Appelle le 115." }], labels)).toEqual([
      { type: "text", text: { body: "Appelle le 115.", preview_url: false } },
    ]);
  });

  it("should render up to three short buttons as reply buttons, emoji kept", () => {
    const reply: Reply = {
      text: "Que veux-tu ?",
      buttons: [
        { label: "🏠 Logement", action: "topic:housing" },
        { label: "Menu", action: "menu" },
      ],
    };
    const [message] = renderReplies([reply], labels);
    expect(buttonsOf(message!)).toEqual({
      type: "button",
      body: { text: "Que veux-tu ?" },
      action: {
        buttons: [
          { type: "reply", reply: { id: "topic:housing", title: "🏠 Logement" } },
          { type: "reply", reply: { id: "menu", title: "Menu" } },
        ],
      },
    });
  });

  it("should render four to ten buttons as one list, and a long label as a list row with its whole text", () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({
      label: i === 0 ? "Demander un contrat jeune majeur au Département" : `Thème ${i}`,
      action: `topic:t${i}`,
    }));
    const messages = renderReplies([{ text: "Choisis un thème.", buttons }], labels);
    expect(messages).toHaveLength(1);
    const list = buttonsOf(messages[0]!);
    if (list.type !== "list") throw new Error("expected a list");
    expect(list.action.button).toBe("Choisir");
    const rows = list.action.sections[0]!.rows;
    expect(rows.map((r) => r.id)).toEqual(buttons.map((b) => b.action));
    expect([...rows[0]!.title].length).toBeLessThanOrEqual(LIMITS.rowTitle);
    expect(rows[0]!.description).toBe("Demander un contrat jeune majeur au Département");
    expect(rows[1]).toEqual({ id: "topic:t1", title: "Thème 1" });
  });

  it("should use a list when one of three buttons is too long for a button", () => {
    const [message] = renderReplies(
      [
        {
          text: "?",
          buttons: [
            { label: "Oui", action: "a" },
            { label: "Je veux parler à mon référent", action: "contact" },
          ],
        },
      ],
      labels,
    );
    expect(buttonsOf(message!).type).toBe("list");
  });

  it("should split more than ten buttons into lists of ten, every button kept", () => {
    const buttons = Array.from({ length: 23 }, (_, i) => ({ label: `Étape ${i}`, action: `step:s${i}` }));
    const messages = renderReplies([{ text: "Tes étapes", buttons }], labels);
    expect(messages).toHaveLength(3);
    const ids = messages.flatMap((m) => {
      const list = buttonsOf(m);
      if (list.type !== "list") throw new Error("expected lists");
      expect(list.action.sections.flatMap((s) => s.rows)).toHaveLength(list === buttonsOf(messages[2]!) ? 3 : 10);
      return list.action.sections.flatMap((s) => s.rows.map((r) => r.id));
    });
    expect(ids).toEqual(buttons.map((b) => b.action));
    const second = buttonsOf(messages[1]!);
    expect(second.body.text).toBe("Suite :");
  });

  it("should send the text beyond an interactive body's limit first, losing nothing", () => {
    const long = Array.from({ length: 300 }, (_, i) => `mot${i}`).join(" ");
    const messages = renderReplies([{ text: long, buttons: [{ label: "Menu", action: "menu" }] }], labels);
    const last = messages.at(-1)!;
    const body = buttonsOf(last).body.text;
    expect(body.length).toBeLessThanOrEqual(LIMITS.body);
    const before = messages.slice(0, -1).map((m) => (m.type === "text" ? m.text.body : ""));
    expect(before.join("") + body).toBe(long);
  });

  it("should keep every text message within WhatsApp's limit", () => {
    const messages = renderReplies([{ text: "x".repeat(9000) }], labels);
    expect(messages.map((m) => (m.type === "text" ? m.text.body.length : -1))).toEqual([4096, 4096, 808]);
  });
});

describe("templates and the service window", () => {
  it("should name the template, its language and its body parameters in order", () => {
    expect(templateMessage("passerelle_rappel", "fr", ["Demander ton contrat jeune majeur", "15/03/2027"])).toEqual({
      type: "template",
      template: {
        name: "passerelle_rappel",
        language: { code: "fr" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Demander ton contrat jeune majeur" },
              { type: "text", text: "15/03/2027" },
            ],
          },
        ],
      },
    });
  });

  it("should be open for 24 hours after the person's last message, and closed without one", () => {
    const last = new Date("2026-12-03T10:00:00Z");
    expect(insideServiceWindow(last, new Date("2026-12-04T09:59:00Z"))).toBe(true);
    expect(insideServiceWindow(last, new Date("2026-12-04T10:00:00Z"))).toBe(false);
    expect(insideServiceWindow(null, last)).toBe(false);
  });

  it("should clip on code points and mark the cut", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("😀😀😀", 3)).toBe("😀😀😀");
  });
});
