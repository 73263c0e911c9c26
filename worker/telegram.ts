import type { Bot } from "grammy";
import { createTelegramBot, type TelegramEvent } from "../bot/telegram.ts";
import type { Reply } from "../bot/types.ts";
import type { Config } from "./config.ts";
import { enqueueTelegramReplies } from "./outbox.ts";
import { database } from "./store/db.ts";
import { setTelegramBlocked } from "./store/turns.ts";
import { runTurn } from "./turn.ts";
import { staffAcknowledge, staffLinkTelegram } from "./alerts/telegram-staff.ts";

/** Wires the Telegram adapter to the turn runner; one bot per isolate and per token. */

let cached: { token: string; bot: Bot; env: Env } | null = null;

export function telegramBot(env: Env, telegram: NonNullable<Config["telegram"]>): Bot {
  if (cached && cached.token === telegram.token && cached.env === env) return cached.bot;
  const bot = createTelegramBot(telegram, {
    async onEvent(chatId: string, event: TelegramEvent, updateId: number): Promise<Reply[] | null> {
      const now = new Date();
      if (event.kind === "blocked" || event.kind === "unblocked") {
        await setTelegramBlocked(database(env.DB), chatId, event.kind === "blocked", now);
        return null;
      }
      // Staff actions never create or touch a young person's conversation.
      if (event.kind === "staffLink") return staffLinkTelegram(env, chatId, event.code);
      if (event.kind === "ack") return staffAcknowledge(env, chatId, event.alertId);
      const outcome = await runTurn(env, { channel: "telegram", key: chatId }, event, now, updateId);
      return outcome.kind === "done" ? outcome.replies : null;
    },
    async onUndelivered(chatId, replies, error) {
      await enqueueTelegramReplies(env, chatId, replies, error);
    },
    async onBlocked(chatId) {
      await setTelegramBlocked(database(env.DB), chatId, true, new Date());
    },
  });
  cached = { token: telegram.token, bot, env };
  return bot;
}
