import type { InlineKeyboardButton, Update } from "grammy/types";
import { localeOfLanguageTag, type Locale } from "../shared/locales.ts";
import type { Input, Reply } from "./types.ts";
import { dialable } from "../shared/text/phone.ts";

/**
 * The Telegram adapter: the only file that knows Telegram. It turns updates into engine
 * inputs and engine replies into Bot API messages (HTML-escaped, inline keyboards).
 * Every Bot API object is typed by grammY (`grammy/types`). grammY's runtime is not used: the
 * engine is the only dispatcher (no `Bot`), and the Worker sends with one `fetch` per call
 * (worker/telegram/client.ts); grammY's client cost 10 % of a turn's CPU and its module ~1.5 ms
 * of every cold start (see BENCHMARKS.md). Pure and synchronous: the Worker sends the messages
 * (worker/telegram/send.ts) and decides what a failed send means (worker/telegram/errors.ts).
 */

export type TelegramEvent =
  | Input
  | { kind: "blocked" }
  | { kind: "unblocked" }
  /** Staff only: `/staff CODE` links a référent's own chat; the "ack:<alertId>" button. */
  | { kind: "staffLink"; code: string }
  | { kind: "ack"; alertId: string };

/** The locale a new young person is greeted in, from their Telegram app's language ("fa-IR": Dari). */
export function localeOfLanguageCode(code: string | undefined): Locale | undefined {
  return localeOfLanguageTag(code);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Short labels share a row; long ones get their own, so they stay readable on a phone. */
function keyboard(reply: Reply): InlineKeyboardButton[][] | undefined {
  if (!reply.buttons || reply.buttons.length === 0) return undefined;
  const rows: InlineKeyboardButton[][] = [];
  let row: InlineKeyboardButton[] = [];
  const perRow = (label: string) => (label.length <= 6 ? 4 : label.length <= 14 ? 2 : 1);
  for (const b of reply.buttons) {
    const button = { text: b.label.slice(0, 64), callback_data: b.action.slice(0, 64) };
    const width = perRow(b.label);
    if (row.length > 0 && (row.length >= width || perRow(row[0]!.text) !== width)) {
      rows.push(row);
      row = [];
    }
    row.push(button);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Telegram refuses a message text over 4 096 characters (counted here on the escaped text: never over). */
export const MESSAGE_LIMIT = 4096;

/** Where `html` may be cut so that the piece before `at` is whole: not inside an entity or a surrogate pair. */
function safeCut(html: string, at: number): number {
  const amp = html.lastIndexOf("&", at - 1);
  // Our entities are &amp; &lt; &gt; (escapeHtml): at most 5 characters, ';' last.
  if (amp >= 0 && at - amp < 5) {
    const semi = html.indexOf(";", amp);
    if (semi >= at && amp > 0) return amp;
  }
  const code = html.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff && at > 1 ? at - 1 : at;
}

/** The length of the first piece of `html` (longer than `limit`): after a line break, else a space, else anywhere safe. */
function cutAt(html: string, limit: number): number {
  const window = html.slice(0, limit);
  const line = window.lastIndexOf("\n") + 1;
  const word = Math.max(window.lastIndexOf(" "), window.lastIndexOf("\t")) + 1;
  const half = limit / 2;
  if (line >= half) return line;
  if (word >= half) return word;
  const early = Math.max(line, word);
  // An early break that leaves only whitespace before it would be a blank message: cut the word instead.
  return early > 0 && window.slice(0, early).trim() !== "" ? early : safeCut(html, limit);
}

/**
 * Splits an HTML-escaped message text into Telegram messages of at most `limit` characters
 * (issues 22 §13 and 20): cut after escaping, on a line break, else between words, never
 * inside an entity or a surrogate pair. The pieces concatenated are the text, each keeping
 * the line break or space it was cut at; a blank piece (only whitespace, which Telegram
 * refuses as empty) is not sent.
 */
export function splitText(html: string, limit = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let rest = html;
  while (rest.length > limit) {
    const at = cutAt(rest, limit);
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts.filter((part) => part.trim() !== "");
}

/** A text's length once escaped (escapeHtml: "&" → 5 characters, "<" and ">" → 4). */
function escapedLength(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38) extra += 4;
    else if (c === 60 || c === 62) extra += 3;
  }
  return text.length + extra;
}

/**
 * A reply without buttons is joined to the next one: one message (and one notification on
 * the phone) instead of two, and one Bot API call less against Telegram's rate limits.
 * Only when both fit one message once escaped.
 */
export function coalesce(replies: Reply[], limit = MESSAGE_LIMIT): Reply[] {
  const out: Reply[] = [];
  for (const reply of replies) {
    const previous = out.at(-1);
    if (previous && !previous.buttons && escapedLength(previous.text) + escapedLength(reply.text) + 2 <= limit) {
      const call = [...(previous.call ?? []), ...(reply.call ?? [])];
      out[out.length - 1] = {
        ...reply,
        text: `${previous.text}\n\n${reply.text}`,
        ...(call.length > 0 ? { call } : {}),
      };
    } else {
      out.push(reply);
    }
  }
  return out;
}

/** How the bot sends a message: HTML-escaped text, no link previews, maybe a keyboard. */
export type SendMessageOptions = {
  parse_mode: "HTML";
  link_preview_options: { is_disabled: boolean };
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
};

/** One reply as the Bot API messages that carry it: escaped, then split to fit, the keyboard under the last. */
export function messagesOf(reply: Reply): { text: string; options: SendMessageOptions }[] {
  // Numbers in the form Telegram links (shared/text/phone.ts); escaped, then split: the limit is on what Telegram receives.
  const chunks = splitText(escapeHtml(dialable(reply.text)));
  return chunks.map((chunk, c) => {
    const markup = c === chunks.length - 1 ? keyboard(reply) : undefined;
    return {
      text: chunk,
      options: {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(markup ? { reply_markup: { inline_keyboard: markup } } : {}),
      },
    };
  });
}

/** A contact card the Bot API sends with `sendContact`. */
export type ContactCard = { phone_number: string; first_name: string; last_name: string };

/**
 * The short numbers a reply asks to call, as contact cards sent after its text. Telegram links
 * only numbers with "+" and a country code; a bot cannot make "3114" tappable in the text: the
 * Bot API server (TDLib) keeps only formatting, text_link and text_mention entities of those a
 * bot sends (phone_number entities are dropped), a text_link must be an http(s), tg or ton URL
 * (not tel:), and so must an inline keyboard button's url. A contact is the Bot API's own object
 * for a phone number (`sendContact`): its card shows the number, which the phone can call.
 */
export function contactsOf(reply: Reply): ContactCard[] {
  return (reply.call ?? []).map((c) => ({ phone_number: c.number, first_name: c.number, last_name: c.label }));
}

/** The private chat an update comes from; the bot serves no group. */
function privateChatId(update: Update): string | null {
  const chat = update.message?.chat ?? update.callback_query?.message?.chat ?? update.my_chat_member?.chat;
  return chat?.type === "private" ? String(chat.id) : null;
}

function toEvent(update: Update): TelegramEvent | null {
  const message = update.message;
  if (message) {
    if (message.text !== undefined) {
      const command = /^\/(\w+)(@\w+)?/.exec(message.text)?.[1]?.toLowerCase();
      if (command === "start") return { kind: "start" };
      if (command === "menu") return { kind: "action", action: "menu" };
      if (command === "parcours" || command === "roadmap") return { kind: "action", action: "roadmap" };
      if (command === "langue" || command === "language") return { kind: "action", action: "lang" };
      if (command === "donnees" || command === "data" || command === "privacy")
        return { kind: "action", action: "data" };
      if (command === "referent" || command === "aide" || command === "help")
        return { kind: "action", action: "contact" };
      if (command === "staff")
        return {
          kind: "staffLink",
          code: message.text
            .replace(/^\/\w+(@\w+)?/, "")
            .trim()
            .slice(0, 20),
        };
      if (command === "relier" || command === "code" || command === "link") {
        const code = message.text
          .replace(/^\/\w+(@\w+)?/, "")
          .trim()
          .slice(0, 20);
        return code ? { kind: "text", text: `code ${code}` } : { kind: "action", action: "link" };
      }
      const text = message.text.trim();
      return text ? { kind: "text", text: text.slice(0, 2000) } : null;
    }
    if (message.photo || message.document) return { kind: "media", media: "document" };
    if (message.voice || message.audio || message.video_note) return { kind: "media", media: "voice" };
    return { kind: "media", media: "other" };
  }
  const data = update.callback_query?.data;
  const ack = data === undefined ? null : /^ack:([0-9a-f-]{36})$/.exec(data);
  if (ack) return { kind: "ack", alertId: ack[1]! };
  if (data !== undefined) return { kind: "action", action: data };
  const member = update.my_chat_member?.new_chat_member.status;
  if (member === "kicked") return { kind: "blocked" };
  if (member === "member") return { kind: "unblocked" };
  return null;
}

/** A Bot API call carried by the webhook's HTTP response: one round trip less. */
export type WebhookReply = { method: "answerCallbackQuery"; callback_query_id: string };

/** What one update asks of the bot: the private chat, what it asks, and the answer a button tap gets. */
export type ParsedUpdate = {
  chatId: string;
  updateId: number;
  event: TelegramEvent;
  webhookReply: WebhookReply | null;
  /** The app's language, for the greeting of a young person new to Passerelle. */
  locale?: Locale;
};

/**
 * Reads one update: messages, button taps and block/unblock in private chats; null for
 * everything else (edited messages, channel posts, polls, groups…), which is acknowledged and
 * ignored. A button tap is answered through the webhook reply, whatever happens to the turn.
 */
export function parseUpdate(update: Update): ParsedUpdate | null {
  const chatId = privateChatId(update);
  const event = chatId === null ? null : toEvent(update);
  if (chatId === null || event === null) return null;
  const query = update.callback_query;
  const locale = localeOfLanguageCode((update.message?.from ?? query?.from)?.language_code);
  return {
    chatId,
    updateId: update.update_id,
    event,
    webhookReply: query ? { method: "answerCallbackQuery", callback_query_id: query.id } : null,
    ...(locale ? { locale } : {}),
  };
}
