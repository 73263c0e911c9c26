import { coalesce, messagesOf, type SendMessageOptions } from "../../bot/telegram.ts";
import type { Reply } from "../../bot/types.ts";

/**
 * The one Bot API method the bot calls; it fails with `TelegramError` (Telegram said no) or
 * `TelegramUnreachable` (no answer), see errors.ts.
 */
export type MessageSender = { sendMessage(chatId: string, text: string, other: SendMessageOptions): Promise<unknown> };

/** Sends replies in order; stops at the first failure and returns what is left. */
export async function sendReplies(
  api: MessageSender,
  chatId: string,
  all: Reply[],
): Promise<{ unsent: Reply[]; error?: unknown }> {
  const replies = coalesce(all);
  for (let i = 0; i < replies.length; i++) {
    try {
      for (const message of messagesOf(replies[i]!)) await api.sendMessage(chatId, message.text, message.options);
    } catch (error) {
      return { unsent: replies.slice(i), error };
    }
  }
  return { unsent: [] };
}
