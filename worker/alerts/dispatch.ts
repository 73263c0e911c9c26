import { database } from "../store/db.ts";
import { alertsByIds, insertDeliveries, linkedStaff, type DeliveryChannel } from "../store/alerts.ts";
import { youngTelegramChat } from "../store/links.ts";
import { alertConfigOf } from "./config.ts";
import { enqueueDeliveries } from "./messages.ts";

/**
 * After an alert is stored: one delivery row per channel and recipient, then one queue
 * message per new row. Safe to call again for the same alerts (rows are unique).
 *  - help / crisis / deadline → each linked référent's Telegram (if linked) and e-mail
 *    (if configured), and the team webhook (if configured);
 *  - escalation → the team's backup contact (Telegram and/or e-mail) and the webhook.
 */
export async function dispatchAlerts(env: Env, alertIds: string[], now = Date.now()): Promise<string[]> {
  const db = database(env.DB);
  const config = alertConfigOf(env);
  const list = await alertsByIds(db, alertIds);
  if (list.length === 0) return [];
  const team = await linkedStaff(db, [...new Set(list.map((a) => a.youngId))]);
  const rows: { alertId: string; channel: DeliveryChannel; recipient: string }[] = [];
  for (const alert of list) {
    if (alert.kind === "escalation") {
      if (config.backup.telegramChatId) rows.push({ alertId: alert.id, channel: "telegram", recipient: "backup" });
      if (config.backup.email && config.email) rows.push({ alertId: alert.id, channel: "email", recipient: "backup" });
    } else {
      for (const member of team.filter((m) => m.youngId === alert.youngId)) {
        if (member.telegramChatId) rows.push({ alertId: alert.id, channel: "telegram", recipient: member.staffId });
        if (config.email) rows.push({ alertId: alert.id, channel: "email", recipient: member.staffId });
      }
    }
    if (config.webhook) rows.push({ alertId: alert.id, channel: "webhook", recipient: "team" });
  }
  const ids = await insertDeliveries(db, rows, now);
  await enqueueDeliveries(env, ids);
  return ids;
}

/** Tells a Telegram young person that their alert was seen (web users see it next turn). */
export async function dispatchYoungNotice(env: Env, alertId: string, youngId: string, now = Date.now()): Promise<void> {
  const db = database(env.DB);
  if (!(await youngTelegramChat(db, youngId))) return;
  const ids = await insertDeliveries(db, [{ alertId, channel: "young_telegram", recipient: "young" }], now);
  await enqueueDeliveries(env, ids);
}
