import type { TelegramRepliesMessage } from "./telegram/outbox.ts";
import { pseudonym } from "./alerts/text.ts";
import type { EndedLink } from "./store/privacy.ts";

/**
 * Tells référents that a young person they followed is no longer linked to them: when the young
 * person unlinked, deleted their data or was deleted for inactivity. Never why (the young
 * person's choice is theirs), only the pseudonym the dashboard showed. Sent to the référent's
 * own Telegram chat through the delivery queue (retried there); without one, their dashboard
 * simply no longer lists that person.
 */
export function linkEndedText(youngId: string): string {
  return `🔗 Le lien avec ${pseudonym(youngId)} a pris fin : tu ne recevras plus ses alertes.`;
}

export async function tellLinksEnded(env: Env, links: EndedLink[]): Promise<void> {
  const messages = links
    .filter((l) => l.telegramChatId)
    .map((l) => ({
      body: {
        type: "telegram_replies",
        chatId: l.telegramChatId!,
        replies: [{ text: linkEndedText(l.youngId) }],
        attempt: 1,
      } satisfies TelegramRepliesMessage,
    }));
  // sendBatch takes at most 100 messages.
  for (let i = 0; i < messages.length; i += 100) await env.DELIVERIES.sendBatch(messages.slice(i, i + 100));
}
