import { t } from "../shared/i18n/index.ts";
import { toLocale } from "../shared/locales.ts";
import { configOf } from "./config.ts";
import { tellLinksEnded } from "./link-ended.ts";
import type { TelegramRepliesMessage } from "./telegram/outbox.ts";
import { template, type WhatsAppMessages } from "./whatsapp/outbox.ts";
import { database } from "./store/db.ts";
import { erasePeople } from "./store/privacy.ts";
import { expiredPeople, markWarned, peopleToWarn, pruneRecords } from "./store/retention.ts";
import { pruneUnanswered } from "./store/unanswered.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * The cron's retention jobs, each kind of data after its own setting (RETENTION_DEFAULTS in
 * worker/config.ts; PRIVACY.md). Read inside each job: a bad setting fails that job only.
 */

/**
 * Profiles: a warning on Telegram (WhatsApp: the approved template) `PURGE_WARNING_DAYS` before the profile expires, then
 * erasure at `PROFILE_RETENTION_DAYS` of silence (at once for people who cannot be warned),
 * web-only profiles once their token expired (`WEB_SESSION_IDLE_DAYS`). Référents are told
 * the link ended.
 */
export async function expireProfiles(env: Env, now: number): Promise<{ warned: number; erased: number }> {
  const days = configOf(env).retention;
  const db = database(env.DB);
  const retention = days.PROFILE_RETENTION_DAYS * DAY;
  const warning = Math.min(days.PURGE_WARNING_DAYS, days.PROFILE_RETENTION_DAYS) * DAY;
  const toWarn = await peopleToWarn(db, now - (retention - warning));
  if (toWarn.length > 0) {
    const whatsapp = configOf(env).whatsapp;
    const messages: MessageSendRequest[] = toWarn.flatMap((p): MessageSendRequest[] => {
      const locale = toLocale(p.locale);
      if (p.channel === "whatsapp") {
        // Silent for months: outside WhatsApp's 24-hour window, only the approved template may go.
        if (!whatsapp) return [];
        const warning = template(whatsapp.templates.inactivity, locale, [String(days.PURGE_WARNING_DAYS)]);
        return [
          {
            body: {
              type: "whatsapp_messages",
              to: p.chatId,
              locale,
              messages: [warning],
              fallback: warning,
              attempt: 1,
            } satisfies WhatsAppMessages,
          },
        ];
      }
      return [
        {
          body: {
            type: "telegram_replies",
            chatId: p.chatId,
            replies: [{ text: t(locale, "purgeWarning", { days: days.PURGE_WARNING_DAYS }) }],
            attempt: 1,
          } satisfies TelegramRepliesMessage,
        },
      ];
    });
    for (let i = 0; i < messages.length; i += 100) await env.DELIVERIES.sendBatch(messages.slice(i, i + 100));
    await markWarned(
      db,
      toWarn.map((p) => p.id),
      now,
    );
  }
  const expired = await expiredPeople(db, {
    before: now - retention,
    warnedBy: now - warning,
    webBefore: now - days.WEB_SESSION_IDLE_DAYS * DAY,
  });
  const links = await erasePeople(db, expired);
  await tellLinksEnded(env, links);
  return { warned: toWarn.length, erased: expired.length };
}

/** Update ids, finished alerts, audit entries, expired staff sessions, used codes, unanswered questions. */
export async function pruneOldRecords(env: Env, now: number): Promise<Record<string, number>> {
  const days = configOf(env).retention;
  const db = database(env.DB);
  const records = await pruneRecords(db, {
    updatesBefore: now - days.TELEGRAM_UPDATE_IDS_DAYS * DAY,
    alertsBefore: now - days.ALERT_RETENTION_DAYS * DAY,
    auditBefore: now - days.AUDIT_LOG_RETENTION_DAYS * DAY,
    sessionsBefore: now - days.STAFF_SESSION_RETENTION_DAYS * DAY,
    codesBefore: now - days.LINK_CODE_RETENTION_DAYS * DAY,
  });
  return { ...records, ...(await pruneUnanswered(db, now - days.UNANSWERED_RETENTION_DAYS * DAY)) };
}
