import * as z from "zod/mini";
import type { Button, Call } from "../shared/api.ts";
import { lazy } from "../shared/lazy.ts";
import { splitOnWords } from "../shared/text/split.ts";
import type { Input, Reply } from "./types.ts";
import { dialable } from "../shared/text/phone.ts";

/**
 * The WhatsApp adapter: the only file of bot/ that knows WhatsApp's Cloud API. It reads the
 * webhook's messages into engine inputs and renders engine replies as Cloud API messages,
 * within WhatsApp's limits: 3 reply buttons (titles ≤ 20), lists of 10 rows (titles ≤ 24,
 * descriptions ≤ 72), interactive bodies ≤ 1 024, text messages ≤ 4 096 characters.
 * Sending, the signature check and idempotency are the Worker's (worker/whatsapp/).
 */

export const LIMITS = {
  text: 4096,
  body: 1024,
  buttons: 3,
  buttonTitle: 20,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButton: 20,
} as const;

// Webhook payloads (Meta's "messages" field). Only what we read is typed; unknown fields pass.
const messageSchema = lazy(() =>
  z.looseObject({
    from: z.string().check(z.regex(/^\d{6,20}$/)),
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    timestamp: z.string().check(z.regex(/^\d{1,12}$/)),
    type: z.string(),
    text: z.optional(z.looseObject({ body: z.string() })),
    interactive: z.optional(
      z.looseObject({
        type: z.string(),
        button_reply: z.optional(z.looseObject({ id: z.string() })),
        list_reply: z.optional(z.looseObject({ id: z.string() })),
      }),
    ),
    /** A tap on a template's quick-reply button. */
    button: z.optional(z.looseObject({ payload: z.string() })),
  }),
);

const valueSchema = lazy(() =>
  z.looseObject({
    metadata: z.optional(z.looseObject({ phone_number_id: z.string() })),
    messages: z.optional(z.array(z.unknown())),
  }),
);

export const webhookSchema = lazy(() =>
  z.looseObject({
    object: z.literal("whatsapp_business_account"),
    entry: z.array(
      z.looseObject({
        changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
      }),
    ),
  }),
);
export type WhatsAppWebhook = z.infer<ReturnType<typeof webhookSchema>>;

/** One message a young person sent: who (their WhatsApp id), which message, when, what. */
export type InboundMessage = { from: string; messageId: string; sentAt: Date; input: Input };

/**
 * The messages of a webhook call sent to our number. Statuses (sent, delivered, read),
 * other fields and messages we cannot read are skipped one by one: a bad message never
 * loses the good ones beside it.
 */
export function inboundMessages(payload: WhatsAppWebhook, phoneNumberId: string): InboundMessage[] {
  const out: InboundMessage[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const value = valueSchema().safeParse(change.value);
      if (!value.success || value.data.metadata?.phone_number_id !== phoneNumberId) continue;
      for (const raw of value.data.messages ?? []) {
        const message = messageSchema().safeParse(raw);
        if (!message.success) continue;
        const input = toInput(message.data);
        if (input)
          out.push({
            from: message.data.from,
            messageId: message.data.id,
            sentAt: new Date(Number(message.data.timestamp) * 1000),
            input,
          });
      }
    }
  }
  return out;
}

type Message = z.infer<ReturnType<typeof messageSchema>>;

/** Typed commands, as on Telegram ("/menu"), for people who know them. */
const COMMANDS: Record<string, Input> = {
  start: { kind: "start" },
  menu: { kind: "action", action: "menu" },
  parcours: { kind: "action", action: "roadmap" },
  langue: { kind: "action", action: "lang" },
  language: { kind: "action", action: "lang" },
  donnees: { kind: "action", action: "data" },
  aide: { kind: "action", action: "contact" },
  referent: { kind: "action", action: "contact" },
};

function toInput(message: Message): Input | null {
  switch (message.type) {
    case "text": {
      const text = message.text?.body.trim() ?? "";
      if (!text) return null;
      const command = /^\/(\w+)$/.exec(text)?.[1]?.toLowerCase();
      return (command && COMMANDS[command]) || { kind: "text", text: text.slice(0, 2000) };
    }
    case "interactive": {
      const id = message.interactive?.button_reply?.id ?? message.interactive?.list_reply?.id;
      return id ? { kind: "action", action: id } : null;
    }
    case "button":
      return message.button?.payload ? { kind: "action", action: message.button.payload } : null;
    case "image":
    case "document":
      return { kind: "media", media: "document" };
    case "audio":
    case "voice":
    case "video":
      return { kind: "media", media: "voice" };
    // Reactions and read receipts say nothing to answer.
    case "reaction":
    case "system":
      return null;
    default:
      return { kind: "media", media: "other" };
  }
}

/**
 * A Cloud API message, without the envelope the Worker adds (`messaging_product`, `to`). A
 * schema, not only a type: unsent messages wait in the queue and are checked when read back.
 */
export const whatsappMessageSchema = lazy(() => {
  const body = z.object({ text: z.string().check(z.minLength(1), z.maxLength(LIMITS.body)) });
  const buttons = z.object({
    type: z.literal("button"),
    body,
    action: z.object({
      buttons: z.array(z.object({ type: z.literal("reply"), reply: z.object({ id: z.string(), title: z.string() }) })),
    }),
  });
  const list = z.object({
    type: z.literal("list"),
    body,
    action: z.object({
      button: z.string(),
      sections: z.array(
        z.object({
          title: z.optional(z.string()),
          rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.optional(z.string()) })),
        }),
      ),
    }),
  });
  const component = z.object({
    type: z.literal("body"),
    parameters: z.array(z.object({ type: z.literal("text"), text: z.string() })),
  });
  return z.discriminatedUnion("type", [
    z.object({
      type: z.literal("text"),
      text: z.object({ body: z.string().check(z.maxLength(LIMITS.text)), preview_url: z.literal(false) }),
    }),
    z.object({ type: z.literal("interactive"), interactive: z.discriminatedUnion("type", [buttons, list]) }),
    z.object({
      type: z.literal("contacts"),
      contacts: z.array(
        z.object({
          name: z.object({ formatted_name: z.string(), first_name: z.string() }),
          phones: z.array(z.object({ phone: z.string(), type: z.literal("MAIN") })),
        }),
      ),
    }),
    z.object({
      type: z.literal("document"),
      document: z.object({ id: z.string(), filename: z.string(), caption: z.optional(z.string()) }),
    }),
    z.object({
      type: z.literal("template"),
      template: z.object({
        name: z.string(),
        language: z.object({ code: z.string() }),
        components: z.optional(z.array(component)),
      }),
    }),
  ]);
});
export type WhatsAppMessage = z.infer<ReturnType<typeof whatsappMessageSchema>>;
type Interactive = Extract<WhatsAppMessage, { type: "interactive" }>["interactive"];
type TemplateComponent = NonNullable<Extract<WhatsAppMessage, { type: "template" }>["template"]["components"]>[number];

/** Words of the interface the renderer needs, in the young person's language. */
export type RenderLabels = { chooseButton: string; more: string };

/**
 * Replies as WhatsApp messages, in order. Up to 3 short buttons become reply buttons; more,
 * or a label too long for a button, a list (10 rows per message, the rest in following
 * lists). Text beyond an interactive body's limit goes first as plain messages, so the
 * buttons stay under the end of the text they belong to.
 */
export function renderReplies(replies: Reply[], labels: RenderLabels): WhatsAppMessage[] {
  return replies.flatMap((reply) => renderReply(reply, labels));
}

function renderReply(reply: Reply, labels: RenderLabels): WhatsAppMessage[] {
  const buttons = reply.buttons ?? [];
  // Numbers in the form WhatsApp's apps make tappable (shared/text/phone.ts).
  const text = reply.text.trim() ? dialable(reply.text) : "…";
  const cards = reply.call && reply.call.length > 0 ? [contactsMessage(reply.call)] : [];
  if (buttons.length === 0) return [...splitOnWords(text, LIMITS.text).map(textMessage), ...cards];
  const pieces = splitOnWords(text, LIMITS.body);
  const body = pieces.pop()!;
  const lead = pieces.join("");
  const before = lead ? splitOnWords(lead, LIMITS.text).map(textMessage) : [];
  return [...before, ...interactive(body, buttons, labels), ...cards];
}

/**
 * The short numbers a reply asks to call (3114, 112…), after it as one contacts message (a card
 * per number). WhatsApp's apps make a number in a text tappable only in international form,
 * which short numbers have not got; an interactive call-to-action button opens a web URL, not
 * tel:, and a template's call button needs an approved template and an international number.
 * A contact card is the Cloud API's message for phone numbers: its profile view lists them.
 */
function contactsMessage(call: Call[]): WhatsAppMessage {
  return {
    type: "contacts",
    contacts: call.map((c) => ({
      name: { formatted_name: `${c.number} – ${c.label}`, first_name: c.number },
      phones: [{ phone: c.number, type: "MAIN" }],
    })),
  };
}

function textMessage(body: string): WhatsAppMessage {
  return { type: "text", text: { body, preview_url: false } };
}

function interactive(body: string, buttons: Button[], labels: RenderLabels): WhatsAppMessage[] {
  const fitsButtons =
    buttons.length <= LIMITS.buttons && buttons.every((b) => [...b.label].length <= LIMITS.buttonTitle);
  if (fitsButtons) {
    return [
      {
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: body },
          action: { buttons: buttons.map((b) => ({ type: "reply", reply: { id: b.action, title: b.label } })) },
        },
      },
    ];
  }
  const lists: WhatsAppMessage[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.rows) {
    const rows = buttons.slice(i, i + LIMITS.rows).map(row);
    lists.push({
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: i === 0 ? body : labels.more },
        action: { button: clip(labels.chooseButton, LIMITS.listButton), sections: [{ rows }] },
      },
    });
  }
  return lists;
}

/** A list row: the label as title, and whole in the description when the title had to be cut. */
function row(button: Button): Extract<Interactive, { type: "list" }>["action"]["sections"][number]["rows"][number] {
  const title = clip(button.label, LIMITS.rowTitle);
  return title === button.label
    ? { id: button.action, title }
    : { id: button.action, title, description: clip(button.label, LIMITS.rowDescription) };
}

/** Cuts to `max` characters (code points, so emoji stay whole), marking the cut with "…". */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/** A template message (outside the 24-hour window), its body parameters in order. */
export function templateMessage(name: string, language: string, parameters: string[]): WhatsAppMessage {
  const components: TemplateComponent[] =
    parameters.length > 0 ? [{ type: "body", parameters: parameters.map((text) => ({ type: "text", text })) }] : [];
  return {
    type: "template",
    template: { name, language: { code: language }, ...(components.length > 0 ? { components } : {}) },
  };
}

/** WhatsApp's customer-service window: free-form messages only within 24 hours of the person's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function insideServiceWindow(lastInbound: Date | null, now: Date): boolean {
  return lastInbound !== null && now.getTime() - lastInbound.getTime() < SERVICE_WINDOW_MS;
}
