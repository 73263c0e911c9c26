import type { InboundMessage } from "../../bot/whatsapp.ts";
import { renderReplies } from "../../bot/whatsapp.ts";
import type { Reply } from "../../bot/types.ts";
import { t } from "../../shared/i18n/index.ts";
import { toLocale, type Locale } from "../../shared/locales.ts";
import type { Config } from "../config.ts";
import { RATE_RULES, rateLimit } from "../rate-limit.ts";
import { slowDownFlood } from "../slow-down.ts";
import { database } from "../store/db.ts";
import { setBlocked, type Identity } from "../store/turns.ts";
import { keptPerson, personKey } from "../turn/person-cache.ts";
import { runTurn } from "../turn/run.ts";
import { isUndeliverable, sendAll, whatsappClient, type WhatsAppSender } from "./client.ts";
import { sendWhatsAppExport } from "./export.ts";
import { exportNotSent } from "../../bot/flows/data.ts";
import { sendLetterWhatsApp } from "../letters/deliver.ts";
import { enqueueWhatsAppMessages } from "./outbox.ts";

type WhatsApp = NonNullable<Config["whatsapp"]>;

/**
 * The turn's idempotency check is keyed by Telegram's update ids (0 and up). A WhatsApp
 * message id ("wamid.…") becomes a negative number from its SHA-256 (52 bits), so both share
 * it, one round trip per turn as on Telegram. Two ids colliding within the ids' retention
 * (a week of messages) is about 1 in 10^5 for a million messages (birthday bound).
 */
export async function updateIdOf(messageId: string): Promise<number> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`whatsapp:${messageId}`)),
  );
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + digest[i]!;
  n = n * 16 + (digest[6]! >> 4);
  return -(n + 1);
}

let cached: { config: WhatsApp; api: WhatsAppSender } | null = null;

function apiFor(whatsapp: WhatsApp): WhatsAppSender {
  if (!cached || cached.config !== whatsapp) cached = { config: whatsapp, api: whatsappClient(whatsapp) };
  return cached.api;
}

/** Runs the messages of one webhook call in order; a thrown error means "retry the call". */
export async function whatsappMessages(env: Env, whatsapp: WhatsApp, messages: InboundMessage[]): Promise<void> {
  for (const message of messages) await oneMessage(env, apiFor(whatsapp), message);
}

async function oneMessage(env: Env, api: WhatsAppSender, message: InboundMessage): Promise<void> {
  const now = new Date();
  const identity: Identity = { channel: "whatsapp", key: message.from };
  const updateId = await updateIdOf(message.messageId);
  const limited = await rateLimit(env, RATE_RULES.whatsappChat, message.from, now.getTime());
  let replies: Reply[] | null;
  let locale: Locale;
  if (!limited.ok) {
    replies = await slowDownFlood(env, identity, updateId, now);
    locale = toLocale(keptPerson(personKey(identity))?.person.locale);
  } else {
    const outcome = await runTurn(env, { identity, input: message.input, now, updateId });
    if (outcome.kind !== "done") return;
    replies = outcome.replies;
    locale = outcome.state.locale;
    if (outcome.exportRequested && !(await sendWhatsAppExport(env, api, message.from, outcome.state.youngId)))
      replies = exportNotSent(replies, locale);
    if (outcome.letter) await sendLetterWhatsApp(api, message.from, outcome.letter, outcome.state.locale);
  }
  if (!replies || replies.length === 0) return;
  // The person just wrote: the 24-hour window is open, free-form messages are allowed.
  const rendered = renderReplies(replies, {
    chooseButton: t(locale, "whatsappChoose"),
    more: t(locale, "whatsappMore"),
  });
  const { unsent, error } = await sendAll(api, message.from, rendered);
  if (unsent.length === 0) return;
  if (isUndeliverable(error)) await setBlocked(database(env.DB), identity, true, now);
  else await enqueueWhatsAppMessages(env, message.from, locale, unsent);
}
