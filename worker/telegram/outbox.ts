import * as z from "zod/mini";
import type { Reply } from "../../bot/types.ts";
import { replySchema } from "../../shared/api.ts";
import { lazy } from "../../shared/lazy.ts";
import { configOf } from "../config.ts";
import { backoffSeconds, MAX_REPLY_ATTEMPTS } from "../retry.ts";
import { database } from "../store/db.ts";
import { setTelegramBlocked } from "../store/turns.ts";
import { telegramClient } from "./client.ts";
import { isBlockedError, isRetryable, retryAfterSeconds } from "./errors.ts";
import { sendReplies, type MessageSender } from "./send.ts";

/**
 * The retry policy of replies to young people: what Telegram does not take at once is queued
 * and retried with backoff, unless the person blocked the bot.
 */

export const telegramRepliesMessageSchema = lazy(() =>
  z.object({
    type: z.literal("telegram_replies"),
    chatId: z.string(),
    replies: z.array(replySchema()),
    /** Carried in the body because an unsent remainder is re-enqueued as a new message. */
    attempt: z._default(z.number(), 1),
  }),
);
export type TelegramRepliesMessage = z.infer<ReturnType<typeof telegramRepliesMessageSchema>>;

async function enqueueTelegramReplies(env: Env, chatId: string, replies: Reply[], error: unknown): Promise<void> {
  const message: TelegramRepliesMessage = { type: "telegram_replies", chatId, replies, attempt: 1 };
  await env.DELIVERIES.send(message, { delaySeconds: backoffSeconds(1, retryAfterSeconds(error)) });
}

/** Sends now; what is left is queued, or dropped if the person blocked the bot (which is recorded). */
export async function sendOrQueue(
  env: Env,
  api: MessageSender,
  chatId: string,
  replies: Reply[],
  now: Date,
): Promise<"sent" | "blocked" | "queued"> {
  const { unsent, error } = await sendReplies(api, chatId, replies);
  if (unsent.length === 0) return "sent";
  if (isBlockedError(error)) {
    await setTelegramBlocked(database(env.DB), chatId, true, now);
    return "blocked";
  }
  await enqueueTelegramReplies(env, chatId, unsent, error);
  return "queued";
}

/** Sends queued replies; returns the rest to re-enqueue (with its delay) if worth retrying. */
export async function deliverTelegramReplies(
  env: Env,
  message: TelegramRepliesMessage,
): Promise<{ retry?: { message: TelegramRepliesMessage; delaySeconds: number } }> {
  const telegram = configOf(env).telegram;
  if (!telegram) return {};
  const api = telegramClient(telegram);
  const { unsent, error } = await sendReplies(api, message.chatId, message.replies);
  if (unsent.length === 0) return {};
  if (isBlockedError(error)) {
    await setTelegramBlocked(database(env.DB), message.chatId, true, new Date());
    return {};
  }
  if (!isRetryable(error) || message.attempt >= MAX_REPLY_ATTEMPTS) {
    console.warn("outbox: replies dropped after", message.attempt, "attempts");
    return {};
  }
  // Only what is left is retried, so nothing already received is sent twice.
  return {
    retry: {
      message: { ...message, replies: unsent, attempt: message.attempt + 1 },
      delaySeconds: backoffSeconds(message.attempt + 1, retryAfterSeconds(error)),
    },
  };
}
