import { configOf, type Config } from "../config.ts";

/**
 * Alert delivery settings, all optional (a missing one skips its channel), read by the one
 * settings schema (worker/config.ts), which refuses a wrong value instead of switching the
 * channel off: ALERT_WEBHOOK_URL + ALERT_WEBHOOK_SECRET (the default team's webhook),
 * SEND_EMAIL (a `send_email` binding) + ALERT_EMAIL_FROM, ESCALATION_DELAY_MINUTES (default 60),
 * BACKUP_TELEGRAM_CHAT_ID and/or BACKUP_EMAIL (the fallback backup contact).
 */
export type AlertConfig = Config["alerts"];

export function alertConfigOf(env: Env): AlertConfig {
  return configOf(env).alerts;
}
