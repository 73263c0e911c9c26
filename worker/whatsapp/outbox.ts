import * as z from "zod/mini";
import { templateMessage, whatsappMessageSchema, type WhatsAppMessage } from "../../bot/whatsapp.ts";
import { lazy } from "../../shared/lazy.ts";
import { localeSchema, type Locale } from "../../shared/locales.ts";
import { configOf, type WhatsAppTemplate } from "../config.ts";
import { backoffSeconds, MAX_REPLY_ATTEMPTS } from "../retry.ts";
import { database } from "../store/db.ts";
import { setBlocked } from "../store/turns.ts";
import {
  isRetryable,
  isUndeliverable,
  isWindowClosed,
  sendAll,
  whatsappClient,
  type WhatsAppSender,
} from "./client.ts";

/**
 * WhatsApp messages that could not be sent at once wait in the queue and are retried with
 * backoff, as Telegram's. If the 24-hour window closed meanwhile, the approved "reply waiting"
 * template goes instead: the young person answers it and the conversation carries on.
 */
export const whatsappMessagesSchema = lazy(() =>
  z.object({
    type: z.literal("whatsapp_messages"),
    to: z.string(),
    locale: localeSchema,
    messages: z.array(whatsappMessageSchema()),
    /** Sent instead of what is left when the 24-hour window has closed (default: the "reply waiting" template). */
    fallback: z.optional(whatsappMessageSchema()),
    attempt: z._default(z.number(), 1),
  }),
);
export type WhatsAppMessages = z.infer<ReturnType<typeof whatsappMessagesSchema>>;

export async function enqueueWhatsAppMessages(
  env: Env,
  to: string,
  locale: Locale,
  messages: WhatsAppMessage[],
): Promise<void> {
  const message: WhatsAppMessages = { type: "whatsapp_messages", to, locale, messages, attempt: 1 };
  await env.DELIVERIES.send(message, { delaySeconds: backoffSeconds(1) });
}

/** The approved translation of a template for this locale, else its French one. */
export function template(t: WhatsAppTemplate, locale: Locale, parameters: string[] = []): WhatsAppMessage {
  return templateMessage(t.name, t.languages[locale] ?? t.languages.fr ?? "fr", parameters);
}

/**
 * Sends `messages`; when WhatsApp says the window is closed, sends `fallback` (a template)
 * instead of what is left. Returns what is still unsent and why.
 */
export async function sendOrTemplate(
  api: WhatsAppSender,
  to: string,
  messages: WhatsAppMessage[],
  fallback: WhatsAppMessage,
): Promise<{ unsent: WhatsAppMessage[]; error?: unknown }> {
  const first = await sendAll(api, to, messages);
  if (first.unsent.length === 0 || !isWindowClosed(first.error)) return first;
  return sendAll(api, to, [fallback]);
}

export async function deliverWhatsAppMessages(
  env: Env,
  message: WhatsAppMessages,
): Promise<{ retry?: { message: WhatsAppMessages; delaySeconds: number } }> {
  const whatsapp = configOf(env).whatsapp;
  if (!whatsapp) return {};
  const api = whatsappClient(whatsapp);
  const { unsent, error } = await sendOrTemplate(
    api,
    message.to,
    message.messages,
    message.fallback ?? template(whatsapp.templates.replyWaiting, message.locale),
  );
  if (unsent.length === 0) return {};
  if (isUndeliverable(error)) {
    await setBlocked(database(env.DB), { channel: "whatsapp", key: message.to }, true, new Date());
    return {};
  }
  if (!isRetryable(error) || message.attempt >= MAX_REPLY_ATTEMPTS) {
    console.warn("whatsapp outbox: messages dropped after", message.attempt, "attempts");
    return {};
  }
  return {
    retry: {
      message: { ...message, messages: unsent, attempt: message.attempt + 1 },
      delaySeconds: backoffSeconds(message.attempt + 1),
    },
  };
}
