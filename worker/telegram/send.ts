import { coalesce, contactsOf, messagesOf, type ContactCard, type SendMessageOptions } from "../../bot/telegram.ts";
import type { Reply } from "../../bot/types.ts";

/**
 * The Bot API methods a reply needs; they fail with `TelegramError` (Telegram said no) or
 * `TelegramUnreachable` (no answer), see errors.ts.
 */
export type MessageSender = {
  sendMessage(chatId: string, text: string, other: SendMessageOptions): Promise<unknown>;
  sendContact(chatId: string, contact: ContactCard): Promise<unknown>;
};

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
    await sendCards(api, chatId, contactsOf(replies[i]!));
  }
  return { unsent: [] };
}

/**
 * The reply's numbers as contact cards, after its text: a help to tap, not the answer (the text
 * already holds the numbers), so a card Telegram refuses is not retried and does not hold back
 * the replies after it (nor is the reply sent again for it); the first failure ends the cards.
 */
async function sendCards(api: MessageSender, chatId: string, cards: ContactCard[]): Promise<void> {
  for (const card of cards) {
    try {
      await api.sendContact(chatId, card);
    } catch {
      return;
    }
  }
}
