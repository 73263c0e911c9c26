import type { Update } from "grammy/types";
import { handleTelegramUpdate, type MessageSender, type TelegramEvent, type TelegramHooks, type WebhookReply } from "../bot/telegram.ts";
import type { Reply } from "../bot/types.ts";
import type { Config } from "./config.ts";
import { enqueueTelegramReplies } from "./outbox.ts";
import { database } from "./store/db.ts";
import { setTelegramBlocked } from "./store/turns.ts";
import { telegramClient } from "./telegram-client.ts";
import { runTurn } from "./turn.ts";
import { RATE_RULES, rateLimit } from "./rate-limit.ts";
import { slowDownTelegram } from "./slow-down.ts";
import { staffAcknowledge, staffLinkTelegram } from "./alerts/telegram-staff.ts";
import { configOf } from "./config.ts";
import { exportYoungPerson } from "./store/export.ts";

/** "Mes données" → the file of everything stored, as a Telegram document (never logged). */
async function sendExport(env: Env, chatId: string, youngId: string, caption: string): Promise<void> {
  const telegram = configOf(env).telegram;
  const data = await exportYoungPerson(database(env.DB), youngId);
  if (!telegram || !data) return;
  try {
    await telegramClient(telegram).sendDocument(chatId, { name: "passerelle-mes-donnees.json", type: "application/json", content: JSON.stringify(data, null, 2) }, caption);
  } catch (error) {
    console.error("export document not sent", error instanceof Error ? error.name : "error");
  }
}

/** Wires the Telegram adapter to the turn runner; one API client per isolate and per token. */

function hooksFor(env: Env): TelegramHooks {
  return {
    async onEvent(chatId: string, event: TelegramEvent, updateId: number): Promise<Reply[] | null> {
      const now = new Date();
      if (event.kind === "blocked" || event.kind === "unblocked") {
        await setTelegramBlocked(database(env.DB), chatId, event.kind === "blocked", now);
        return null;
      }
      // Before any turn or staff action (a /staff code guessed in a loop too).
      const limited = await rateLimit(env, RATE_RULES.telegramChat, chatId, now.getTime());
      if (!limited.ok) return slowDownTelegram(env, chatId, updateId, now);
      // Staff actions never create or touch a young person's conversation.
      if (event.kind === "staffLink") return staffLinkTelegram(env, chatId, event.code);
      if (event.kind === "ack") return staffAcknowledge(env, chatId, event.alertId);
      const outcome = await runTurn(env, { channel: "telegram", key: chatId }, event, now, updateId);
      if (outcome.kind !== "done") return null;
      if (outcome.exportRequested) await sendExport(env, chatId, outcome.state.youngId, "📄 Passerelle");
      return outcome.replies;
    },
    async onUndelivered(chatId, replies, error) {
      await enqueueTelegramReplies(env, chatId, replies, error);
    },
    async onBlocked(chatId) {
      await setTelegramBlocked(database(env.DB), chatId, true, new Date());
    },
  };
}

let cached: { token: string; apiRoot: string; env: Env; api: MessageSender; hooks: TelegramHooks } | null = null;

/** Runs one (already validated) update; returns the Bot API call to carry in the HTTP response. */
export function telegramUpdate(env: Env, telegram: NonNullable<Config["telegram"]>, update: Update): Promise<WebhookReply | null> {
  if (!cached || cached.token !== telegram.token || cached.apiRoot !== telegram.apiRoot || cached.env !== env) {
    cached = { token: telegram.token, apiRoot: telegram.apiRoot, env, api: telegramClient(telegram), hooks: hooksFor(env) };
  }
  return handleTelegramUpdate(update, cached.api, cached.hooks);
}
