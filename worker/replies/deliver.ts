import * as z from "zod/mini";
import type { WhatsAppMessage } from "../../bot/whatsapp.ts";
import { lazy } from "../../shared/lazy.ts";
import { toLocale } from "../../shared/locales.ts";
import { configOf } from "../config.ts";
import { database } from "../store/db.ts";
import { youngTelegramChat, youngWhatsApp } from "../store/links.ts";
import { claimReply, finishReply, holdReply, lostReplies, noteReplyError, type ReplyWork } from "../store/replies.ts";
import { setBlocked, setTelegramBlocked } from "../store/turns.ts";
import { telegramClient } from "../telegram/client.ts";
import { isBlockedError, isRetryable, retryAfterSeconds, TelegramError } from "../telegram/errors.ts";
import { backoffSeconds } from "../retry.ts";
import { sendReplies } from "../telegram/send.ts";
import {
  isRetryable as isWhatsAppRetryable,
  isUndeliverable,
  isWindowClosed,
  sendAll,
  WhatsAppError,
  whatsappClient,
} from "../whatsapp/client.ts";
import { template } from "../whatsapp/outbox.ts";
import { replyText } from "./text.ts";

/**
 * Delivers a référent's reply on the young person's channel, through the delivery queue with
 * the alerts' backoff: Telegram at once; WhatsApp at once inside its 24-hour window, else the
 * approved "a reply waits" template and the reply is held for their next message (as on the
 * web chat, where every reply waits for the next turn). A reply that cannot go out now (bot
 * blocked, out of retries) is held too: shown at their next turn on any channel. The text is
 * erased once delivered; a young person who never comes back is erased with it (retention).
 */

export const referentReplyMessageSchema = lazy(() =>
  z.object({ type: z.literal("referent_reply"), replyId: z.string() }),
);
export type ReferentReplyMessage = z.infer<ReturnType<typeof referentReplyMessageSchema>>;

export async function enqueueReply(env: Env, replyId: string): Promise<void> {
  await env.DELIVERIES.send({ type: "referent_reply", replyId } satisfies ReferentReplyMessage);
}

type Outcome = { kind: "done" } | { kind: "retry"; delaySeconds: number };
type Attempt = "sent" | "held" | { retryable: boolean; error: string; retryAfter?: number };

async function viaTelegram(env: Env, work: ReplyWork): Promise<Attempt> {
  const telegram = configOf(env).telegram;
  if (!telegram) return { retryable: false, error: "telegram not configured" };
  const db = database(env.DB);
  const chatId = await youngTelegramChat(db, work.youngId);
  if (!chatId) return { retryable: false, error: "young person not on Telegram" };
  const { unsent, error } = await sendReplies(telegramClient(telegram), chatId, [
    { text: replyText(work, work.locale) },
  ]);
  if (unsent.length === 0) return "sent";
  if (isBlockedError(error)) {
    await setTelegramBlocked(db, chatId, true, new Date());
    return { retryable: false, error: "telegram: bot blocked by recipient" };
  }
  const retryAfter = retryAfterSeconds(error);
  return {
    retryable: isRetryable(error),
    error: `telegram: ${error instanceof TelegramError ? error.errorCode : "network"}`,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  };
}

async function viaWhatsApp(env: Env, work: ReplyWork): Promise<Attempt> {
  const whatsapp = configOf(env).whatsapp;
  if (!whatsapp) return { retryable: false, error: "whatsapp not configured" };
  const db = database(env.DB);
  const to = await youngWhatsApp(db, work.youngId);
  if (!to) return { retryable: false, error: "young person not on WhatsApp" };
  const api = whatsappClient(whatsapp);
  const text: WhatsAppMessage = { type: "text", text: { body: replyText(work, work.locale), preview_url: false } };
  let { unsent, error } = await sendAll(api, to, [text]);
  if (unsent.length === 0) return "sent";
  if (isWindowClosed(error)) {
    ({ unsent, error } = await sendAll(api, to, [template(whatsapp.templates.replyWaiting, toLocale(work.locale))]));
    if (unsent.length === 0) return "held";
  }
  if (isUndeliverable(error)) {
    await setBlocked(db, { channel: "whatsapp", key: to }, true, new Date());
    return { retryable: false, error: "whatsapp: undeliverable" };
  }
  const status = error instanceof WhatsAppError ? `${error.status}/${error.code}` : "network";
  return { retryable: isWhatsAppRetryable(error), error: `whatsapp: ${status}` };
}

/** One attempt at one reply; tells the queue consumer whether to retry. */
export async function processReply(env: Env, replyId: string, now = Date.now()): Promise<Outcome> {
  const db = database(env.DB);
  const work = await claimReply(db, replyId);
  if (!work) return { kind: "done" };
  let result: Attempt;
  try {
    result = work.channel === "telegram" ? await viaTelegram(env, work) : await viaWhatsApp(env, work);
  } catch (error) {
    result = { retryable: true, error: error instanceof Error ? error.name : "error" };
  }
  if (result === "sent") {
    await finishReply(db, work.id, now);
    return { kind: "done" };
  }
  if (result === "held") {
    await holdReply(db, work.id);
    return { kind: "done" };
  }
  if (!result.retryable) {
    // Not reachable there now (blocked bot, no longer on that channel): shown at their next turn, wherever.
    await holdReply(db, work.id, result.error);
    return { kind: "done" };
  }
  await noteReplyError(db, work.id, result.error);
  return { kind: "retry", delaySeconds: backoffSeconds(work.attempts, result.retryAfter) };
}

/** Out of the queue's retries: held for the young person's next turn (the dashboard says it is not delivered yet). */
export async function giveUpReply(env: Env, replyId: string): Promise<void> {
  await holdReply(database(env.DB), replyId, "out of retries");
}

/** The cron's sweep: replies stored but never attempted after 5 minutes are queued again. */
export async function requeueLostReplies(env: Env, now: number): Promise<{ requeued: number }> {
  const ids = await lostReplies(database(env.DB), now - 5 * 60_000);
  for (let i = 0; i < ids.length; i += 100)
    await env.DELIVERIES.sendBatch(
      ids
        .slice(i, i + 100)
        .map((replyId) => ({ body: { type: "referent_reply", replyId } satisfies ReferentReplyMessage })),
    );
  return { requeued: ids.length };
}
