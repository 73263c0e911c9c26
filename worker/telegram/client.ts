import type { ApiResponse, Message } from "grammy/types";
import type { ContactCard, SendMessageOptions } from "../../bot/telegram.ts";
import { TelegramError, TelegramUnreachable } from "./errors.ts";
import type { Config } from "../config.ts";

type Telegram = NonNullable<Config["telegram"]>;

/** A Bot API call that hangs must not hold the turn (or the queue consumer) for long. */
const TIMEOUT_MS = 15_000;

/**
 * The Worker's Bot API client: one `fetch` per call, JSON in and out, typed by grammY.
 * grammY's `Api` does more per call (a payload walk for file uploads, a replacer-driven
 * stringify, its own abort controller, timer and stream-error promise, a proxy and transformer
 * chain) for features this bot never uses (it sends text only): 10 % of the Worker's CPU per
 * turn in the bench profile, and importing grammY ~1.5 ms of each cold start (BENCHMARKS.md).
 * It is a `MessageSender` (send.ts) that also returns the message Telegram made.
 */
export type TelegramClient = {
  sendMessage(chatId: string, text: string, other: SendMessageOptions): Promise<Message.TextMessage>;
  /** A phone number as a contact card (a crisis reply's short numbers: bot/telegram.ts contactsOf). */
  sendContact(chatId: string, contact: ContactCard): Promise<Message.ContactMessage>;
  /** A file, sent as multipart form data (the young person's export). */
  sendDocument(
    chatId: string,
    file: { name: string; type: string; content: string },
    caption: string,
  ): Promise<Message.DocumentMessage>;
};

export function telegramClient(telegram: Telegram): TelegramClient {
  const base = `${telegram.apiRoot}/bot${telegram.token}/`;
  return {
    sendMessage(chatId: string, text: string, other: SendMessageOptions): Promise<Message.TextMessage> {
      return call<Message.TextMessage>(base, "sendMessage", { chat_id: chatId, text, ...other });
    },
    sendContact(chatId, contact) {
      return call<Message.ContactMessage>(base, "sendContact", { chat_id: chatId, ...contact });
    },
    sendDocument(chatId, file, caption) {
      const form = new FormData();
      form.set("chat_id", chatId);
      form.set("caption", caption);
      form.set("document", new File([file.content], file.name, { type: file.type }));
      return call<Message.DocumentMessage>(base, "sendDocument", form);
    },
  };
}

async function call<T>(base: string, method: string, payload: Record<string, unknown> | FormData): Promise<T> {
  let data: ApiResponse<T>;
  // A timer cleared as soon as Telegram answers: `AbortSignal.timeout` stays armed for the
  // whole 15 s, and an invocation that sends many messages (the queue consumer, the cron)
  // would pile them up to workerd's 10 000 active timeouts, then fail every call.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new DOMException("Bot API call timed out", "TimeoutError")), TIMEOUT_MS);
  try {
    const form = payload instanceof FormData;
    const response = await fetch(base + method, {
      method: "POST",
      // FormData sets its own multipart content type (with the boundary).
      ...(form ? {} : { headers: { "content-type": "application/json" } }),
      body: form ? payload : JSON.stringify(payload),
      signal: abort.signal,
    });
    data = await response.json();
  } catch (error) {
    // The URL holds the token: only the method is named.
    throw new TelegramUnreachable(method, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  if (data.ok) return data.result;
  throw new TelegramError(method, data.error_code, data.description, data.parameters);
}
