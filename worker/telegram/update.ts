import type { Update } from "grammy/types";
import { parseUpdate, type ParsedUpdate, type WebhookReply } from "../../bot/telegram.ts";
import type { Reply } from "../../bot/types.ts";
import type { Config } from "../config.ts";
import { RATE_RULES, rateLimit } from "../rate-limit.ts";
import { database } from "../store/db.ts";
import { setTelegramBlocked } from "../store/turns.ts";
import { runTurn } from "../turn/run.ts";
import { telegramClient, type TelegramClient } from "./client.ts";
import { sendOrQueue } from "./outbox.ts";
import { slowDownTelegram } from "./slow-down.ts";
import { staffAcknowledge, staffLinkTelegram } from "./staff.ts";
import { sendExport } from "./export.ts";
import { exportNotSent } from "../../bot/flows/data.ts";
import { sendLetterTelegram } from "../letters/deliver.ts";

type Telegram = NonNullable<Config["telegram"]>;

/**
 * One (already validated) update, top to bottom: parse it → answer it (a turn, or a staff
 * action) → send the replies. Returns the Bot API call the webhook's HTTP response carries.
 */
export async function answerUpdate(env: Env, telegram: Telegram, update: Update): Promise<WebhookReply | null> {
  const parsed = parseUpdate(update);
  if (!parsed) return null;
  const now = new Date();
  const replies = await repliesTo(env, parsed, now);
  if (replies && replies.length > 0) await sendOrQueue(env, clientFor(telegram), parsed.chatId, replies, now);
  return parsed.webhookReply;
}

/** What the bot says; null when it says nothing (a retried update, a block). */
async function repliesTo(
  env: Env,
  { chatId, updateId, event, locale }: ParsedUpdate,
  now: Date,
): Promise<Reply[] | null> {
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
  // `locale` greets a new young person in their phone's language; theirs to change afterwards.
  const outcome = await runTurn(env, {
    identity: { channel: "telegram", key: chatId },
    input: event,
    now,
    updateId,
    ...(locale ? { locale } : {}),
  });
  if (outcome.kind !== "done") return null;
  const exported = !outcome.exportRequested || (await sendExport(env, chatId, outcome.state.youngId));
  if (outcome.letter) await sendLetterTelegram(env, chatId, outcome.letter, outcome.state.locale);
  if (!exported) return exportNotSent(outcome.replies, outcome.state.locale);
  return outcome.replies;
}

let client: { telegram: Telegram; api: TelegramClient } | null = null;

/** One API client per isolate and per setting. */
function clientFor(telegram: Telegram): TelegramClient {
  if (client?.telegram !== telegram) client = { telegram, api: telegramClient(telegram) };
  return client.api;
}
