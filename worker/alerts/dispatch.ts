import { database } from "../store/db.ts";
import { alertsByIds, insertDeliveries, linkedStaff, type DeliveryChannel } from "../store/alerts.ts";
import { youngTelegramChat, youngWhatsApp } from "../store/links.ts";
import { teamsByIds, type Team } from "../store/teams.ts";
import { alertConfigOf, type AlertConfig } from "./config.ts";
import { enqueueDeliveries } from "./messages.ts";

/**
 * The teams concerned by an alert: those of the enabled référents linked to the young
 * person; a référent without a team, or no référent at all, means the "default team" (null),
 * whose settings are the env vars. Per team, an unset setting also falls back to the env:
 *  - webhook: "team:<id>" when the team has its URL + secret, else "team" (env, if set);
 *  - backup (escalations): "backup:<id>" when the team has a usable backup contact, else
 *    "backup" (env). Recipients are deduplicated, so each target gets one delivery.
 */
function teamRecipients(concerned: (string | null)[], teamsById: Map<string, Team>, config: AlertConfig) {
  const webhook = new Set<string>();
  const backupTelegram = new Set<string>();
  const backupEmail = new Set<string>();
  for (const id of new Set(concerned)) {
    const team = id ? teamsById.get(id) : undefined;
    if (team?.webhookUrl && team.webhookSecret) webhook.add(`team:${team.id}`);
    else if (config.webhook) webhook.add("team");
    const teamTelegram = Boolean(team?.backupTelegramChatId);
    const teamEmail = Boolean(team?.backupEmail && config.email);
    if (team && (teamTelegram || teamEmail)) {
      if (teamTelegram) backupTelegram.add(`backup:${team.id}`);
      if (teamEmail) backupEmail.add(`backup:${team.id}`);
    } else {
      if (config.backup.telegramChatId) backupTelegram.add("backup");
      if (config.backup.email && config.email) backupEmail.add("backup");
    }
  }
  return { webhook, backupTelegram, backupEmail };
}

/**
 * After an alert is stored: one delivery row per channel and recipient, then one queue
 * message per new row. Safe to call again for the same alerts (rows are unique).
 *  - help / crisis / deadline → each linked référent's Telegram (if linked) and e-mail
 *    (if configured), and the webhook of each team concerned (see teamRecipients);
 *  - escalation → the backup contact (Telegram and/or e-mail) and webhook of each team concerned.
 */
export async function dispatchAlerts(env: Env, alertIds: string[], now = Date.now()): Promise<string[]> {
  const db = database(env.DB);
  const config = alertConfigOf(env);
  const list = await alertsByIds(db, alertIds);
  if (list.length === 0) return [];
  const team = await linkedStaff(db, [...new Set(list.map((a) => a.youngId))]);
  const teamIds = [...new Set(team.flatMap((m) => (m.teamId ? [m.teamId] : [])))];
  const teamsById = new Map((await teamsByIds(db, teamIds)).map((t) => [t.id, t]));
  const rows: { alertId: string; channel: DeliveryChannel; recipient: string }[] = [];
  for (const alert of list) {
    const members = team.filter((m) => m.youngId === alert.youngId);
    const to = teamRecipients(members.length > 0 ? members.map((m) => m.teamId) : [null], teamsById, config);
    if (alert.kind === "escalation") {
      for (const recipient of to.backupTelegram) rows.push({ alertId: alert.id, channel: "telegram", recipient });
      for (const recipient of to.backupEmail) rows.push({ alertId: alert.id, channel: "email", recipient });
    } else {
      for (const member of members) {
        if (member.telegramChatId) rows.push({ alertId: alert.id, channel: "telegram", recipient: member.staffId });
        if (config.email) rows.push({ alertId: alert.id, channel: "email", recipient: member.staffId });
      }
    }
    for (const recipient of to.webhook) rows.push({ alertId: alert.id, channel: "webhook", recipient });
  }
  const ids = await insertDeliveries(db, rows, now);
  await enqueueDeliveries(env, ids);
  return ids;
}

/** Tells a Telegram or WhatsApp young person that their alert was seen (web users see it next turn). */
export async function dispatchYoungNotice(env: Env, alertId: string, youngId: string, now = Date.now()): Promise<void> {
  const db = database(env.DB);
  const channel = (await youngTelegramChat(db, youngId))
    ? "young_telegram"
    : (await youngWhatsApp(db, youngId))
      ? "young_whatsapp"
      : null;
  if (!channel) return;
  const ids = await insertDeliveries(db, [{ alertId, channel, recipient: "young" }], now);
  await enqueueDeliveries(env, ids);
}
