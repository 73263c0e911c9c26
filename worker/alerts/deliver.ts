import { t } from "../../shared/i18n/index.ts";
import type { Reply } from "../../bot/types.ts";
import { toLocale, type Locale } from "../../shared/locales.ts";
import type { WhatsAppMessage } from "../../bot/whatsapp.ts";
import {
  isRetryable as isWhatsAppRetryable,
  isUndeliverable,
  WhatsAppError,
  whatsappClient,
} from "../whatsapp/client.ts";
import { sendOrTemplate, template } from "../whatsapp/outbox.ts";
import { configOf } from "../config.ts";
import { alertDeliveries } from "../../shared/db/schema.ts";
import { attemptLeased, type Attempt, type DeliveryOutcome } from "../leased-attempt.ts";
import { deliveryWork, markYoungNotified, type DeliveryWork } from "../store/alerts.ts";
import { database } from "../store/db.ts";
import { isLinked, youngTelegramChat, youngWhatsApp } from "../store/links.ts";
import { staffById } from "../store/staff.ts";
import { teamById, type Team } from "../store/teams.ts";
import { setBlocked, setTelegramBlocked } from "../store/turns.ts";
import { alertConfigOf, type AlertConfig } from "./config.ts";
import { staffAlertText, subjectKey } from "./text.ts";
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./webhook.ts";
import { isAllowedWebhookAddress } from "./webhook-url.ts";
import { checkWebhookName } from "./webhook-dns.ts";
import { telegramClient } from "../telegram/client.ts";
import { isBlockedError, isRetryable, retryAfterSeconds, TelegramError } from "../telegram/errors.ts";
import { sendReplies } from "../telegram/send.ts";

/** Sends one delivery (one channel, one recipient); the queue consumer retries or dead-letters. */

class Permanent extends Error {}

async function sendTelegram(env: Env, chatId: string, replies: Reply[]): Promise<Attempt> {
  const telegram = configOf(env).telegram;
  if (!telegram) return { ok: false, retryable: false, error: "telegram not configured" };
  const api = telegramClient(telegram);
  const { unsent, error } = await sendReplies(api, chatId, replies);
  if (unsent.length === 0) return { ok: true };
  if (isBlockedError(error)) return { ok: false, retryable: false, error: "telegram: bot blocked by recipient" };
  const retryAfter = retryAfterSeconds(error);
  const status = error instanceof TelegramError ? String(error.errorCode) : "network";
  return {
    ok: false,
    retryable: isRetryable(error),
    error: `telegram: ${status}`,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  };
}

/** "Your référent saw it": free-form inside the 24-hour window, the approved template outside it. */
async function sendWhatsAppNotice(env: Env, to: string, locale: Locale): Promise<Attempt> {
  const whatsapp = configOf(env).whatsapp;
  if (!whatsapp) return { ok: false, retryable: false, error: "whatsapp not configured" };
  const text: WhatsAppMessage = { type: "text", text: { body: t(locale, "alertSeen"), preview_url: false } };
  const { unsent, error } = await sendOrTemplate(
    whatsappClient(whatsapp),
    to,
    [text],
    template(whatsapp.templates.alertSeen, locale),
  );
  if (unsent.length === 0) return { ok: true };
  if (isUndeliverable(error)) return { ok: false, retryable: false, error: "whatsapp: undeliverable" };
  const status = error instanceof WhatsAppError ? `${error.status}/${error.code}` : "network";
  return { ok: false, retryable: isWhatsAppRetryable(error), error: `whatsapp: ${status}` };
}

async function sendWebhook(
  config: NonNullable<AlertConfig["webhook"]>,
  work: DeliveryWork,
  publicUrl: string,
  now: number,
): Promise<Attempt> {
  const a = work.alert;
  // Minimum data: no message text, no profile; the team follows the link to the dashboard.
  const body = JSON.stringify({
    type: "passerelle.alert",
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    subject: subjectKey(a),
    young: a.youngId.slice(0, 6).toUpperCase(),
    createdAt: new Date(a.createdAt).toISOString(),
    dashboardUrl: `${publicUrl}/referent#alert-${a.id}`,
  });
  // Checked again here: addresses saved before the rule, and the env's default webhook.
  if (!isAllowedWebhookAddress(config.url)) return { ok: false, retryable: false, error: "webhook: address refused" };
  // Where the name points now (it may have moved since it was saved).
  const name = await checkWebhookName(new URL(config.url).hostname);
  if (name === "unknown") return { ok: false, retryable: true, error: "webhook: DNS did not answer" };
  if (name !== "public")
    return {
      ok: false,
      retryable: false,
      error: `webhook: address refused (${name === "internal" ? "resolves to a non-public address" : "does not resolve"})`,
    };
  const timestamp = Math.floor(now / 1000);
  let res: Response;
  try {
    res = await fetch(config.url, {
      method: "POST",
      // A redirect could lead the signed alert anywhere, an internal address included.
      redirect: "manual",
      headers: {
        "Content-Type": "application/json",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: await signWebhook(config.secret, body, timestamp),
      },
      body,
    });
  } catch {
    return { ok: false, retryable: true, error: "webhook: network error" };
  }
  if (res.ok) return { ok: true };
  if (res.status >= 300 && res.status < 400)
    return { ok: false, retryable: false, error: `webhook: redirect refused (HTTP ${res.status})` };
  const retryAfter = Number(res.headers.get("Retry-After"));
  return {
    ok: false,
    retryable: res.status === 429 || res.status >= 500,
    error: `webhook: HTTP ${res.status}`,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
  };
}

/** One plain-text e-mail through the `send_email` binding (alerts, the review digest). */
export async function sendEmail(
  config: NonNullable<AlertConfig["email"]>,
  to: string,
  subject: string,
  text: string,
): Promise<Attempt> {
  const { EmailMessage } = await import("cloudflare:email");
  const raw = [
    `From: Passerelle <${config.from}>`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: <${crypto.randomUUID()}@${config.from.split("@")[1] ?? "passerelle"}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    text,
  ].join("\r\n");
  try {
    await config.binding.send(new EmailMessage(config.from, to, raw));
    return { ok: true };
  } catch (error) {
    return { ok: false, retryable: true, error: `email: ${error instanceof Error ? error.name : "error"}` };
  }
}

/** "team:<id>" / "backup:<id>": that team, read at send time (settings may have changed). */
async function recipientTeam(env: Env, recipient: string, prefix: "team" | "backup"): Promise<Team | null> {
  if (!recipient.startsWith(`${prefix}:`)) return null;
  const team = await teamById(database(env.DB), recipient.slice(prefix.length + 1));
  if (!team) throw new Permanent("team deleted");
  return team;
}

async function attempt(env: Env, work: DeliveryWork, now: number): Promise<Attempt> {
  const db = database(env.DB);
  const config = alertConfigOf(env);
  const alert = work.alert;
  switch (work.channel) {
    case "webhook": {
      const team = await recipientTeam(env, work.recipient, "team");
      const target = team
        ? team.webhookUrl && team.webhookSecret
          ? { url: team.webhookUrl, secret: team.webhookSecret }
          : null
        : config.webhook;
      if (!target) throw new Permanent("webhook no longer configured");
      return sendWebhook(target, work, config.publicUrl, now);
    }
    case "young_telegram": {
      const chatId = await youngTelegramChat(db, alert.youngId);
      if (!chatId) throw new Permanent("young person not on Telegram");
      const sent = await sendTelegram(env, chatId, [{ text: t(toLocale(work.young?.locale), "alertSeen") }]);
      if (sent.ok) await markYoungNotified(db, [alert.id], now);
      else if (sent.error === "telegram: bot blocked by recipient")
        await setTelegramBlocked(db, chatId, true, new Date(now));
      return sent;
    }
    case "young_whatsapp": {
      const to = await youngWhatsApp(db, alert.youngId);
      if (!to) throw new Permanent("young person not on WhatsApp");
      const sent = await sendWhatsAppNotice(env, to, toLocale(work.young?.locale));
      if (sent.ok) await markYoungNotified(db, [alert.id], now);
      else if (sent.error === "whatsapp: undeliverable")
        await setBlocked(db, { channel: "whatsapp", key: to }, true, new Date(now));
      return sent;
    }
    case "telegram": {
      if (work.recipient === "backup" || work.recipient.startsWith("backup:")) {
        const team = await recipientTeam(env, work.recipient, "backup");
        const chatId = team ? team.backupTelegramChatId : config.backup.telegramChatId;
        if (!chatId) throw new Permanent("no backup Telegram chat configured");
        return sendTelegram(env, chatId, [{ text: staffAlertText(alert, config.publicUrl, false) }]);
      }
      const member = await staffById(db, work.recipient);
      if (!member || member.disabledAt !== null || !member.telegramChatId)
        throw new Permanent("recipient has no linked Telegram");
      if (!(await isLinked(db, member.id, alert.youngId))) throw new Permanent("recipient no longer linked");
      const ack = alert.acknowledgedAt === null ? [{ label: "✅ J'ai vu", action: `ack:${alert.id}` }] : [];
      return sendTelegram(env, member.telegramChatId, [
        { text: staffAlertText(alert, config.publicUrl, true), ...(ack.length ? { buttons: ack } : {}) },
      ]);
    }
    case "email": {
      if (!config.email) throw new Permanent("e-mail not configured");
      let to: string;
      const backup = work.recipient === "backup" || work.recipient.startsWith("backup:");
      if (backup) {
        const team = await recipientTeam(env, work.recipient, "backup");
        const email = team ? team.backupEmail : config.backup.email;
        if (!email) throw new Permanent("no backup e-mail configured");
        to = email;
      } else {
        const member = await staffById(db, work.recipient);
        if (!member || member.disabledAt !== null) throw new Permanent("recipient disabled");
        if (!(await isLinked(db, member.id, alert.youngId))) throw new Permanent("recipient no longer linked");
        to = member.email;
      }
      return sendEmail(
        config.email,
        to,
        `Passerelle : alerte ${alert.kind}`,
        staffAlertText(alert, config.publicUrl, !backup),
      );
    }
  }
}

/** One attempt at one delivery; tells the queue consumer what to do with the message. */
export function processDelivery(env: Env, deliveryId: string, now = Date.now()): Promise<DeliveryOutcome> {
  const db = database(env.DB);
  return attemptLeased(db, alertDeliveries, deliveryId, now, {
    load: (attempts) => deliveryWork(db, deliveryId, attempts),
    send: async (work) => {
      try {
        return await attempt(env, work, now);
      } catch (error) {
        if (error instanceof Permanent) return { ok: false, retryable: false, error: error.message };
        return { ok: false, retryable: true, error: error instanceof Error ? error.name : "error" };
      }
    },
  });
}
