import { callWorker } from "./call.ts";

/** Builds Telegram updates as the Bot API sends them, and posts them to the real webhook. */

let nextUpdateId = 1000;
let nextMessageId = 1;

export const SECRET = "test-webhook-secret";

function from(chatId: number) {
  return { id: chatId, is_bot: false, first_name: "Test", language_code: "fr" };
}
function chat(chatId: number) {
  return { id: chatId, type: "private", first_name: "Test" };
}

export function textUpdate(chatId: number, text: string, updateId = nextUpdateId++) {
  const entities = text.startsWith("/")
    ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }]
    : undefined;
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: 1_700_000_000,
      chat: chat(chatId),
      from: from(chatId),
      text,
      ...(entities ? { entities } : {}),
    },
  };
}

export function buttonUpdate(chatId: number, data: string, updateId = nextUpdateId++) {
  return {
    update_id: updateId,
    callback_query: {
      id: String(updateId),
      chat_instance: "ci",
      from: from(chatId),
      data,
      message: { message_id: nextMessageId++, date: 1_700_000_000, chat: chat(chatId), text: "…" },
    },
  };
}

/** A string or a stream is sent as is (malformed or chunked bodies); anything else as JSON. */
export function postUpdate(body: unknown, secret: string | null = SECRET): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (secret !== null) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
  return callWorker(
    new Request("https://passerelle.test/telegram/webhook", {
      method: "POST",
      headers,
      body: typeof body === "string" || body instanceof ReadableStream ? body : JSON.stringify(body),
    }),
  );
}

/** The inline keyboard of a sendMessage call, flattened to [label, action] pairs. */
export function keyboardOf(params: Record<string, unknown>): [string, string][] {
  const markup = params.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data]);
}
