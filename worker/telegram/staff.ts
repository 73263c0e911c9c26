import type { Reply } from "../../bot/types.ts";
import { database } from "../store/db.ts";
import { normalizeCode, staffByTelegramChat, useTelegramCode } from "../store/links.ts";
import { audit } from "../store/staff.ts";
import { acknowledge } from "../alerts/ack.ts";

/**
 * Staff messages in the Telegram bot: `/staff CODE` links a référent's own Telegram chat
 * (to receive alerts), and the "ack:<alertId>" button acknowledges an alert — only for a
 * staff member whose chat is linked and who follows that young person.
 */

export async function staffLinkTelegram(env: Env, chatId: string, typed: string): Promise<Reply[]> {
  const code = normalizeCode(typed);
  const db = database(env.DB);
  const linked = code ? await useTelegramCode(db, code, chatId, new Date()) : null;
  if (!linked) {
    return [
      {
        text: "❌ Code invalide, déjà utilisé ou expiré. Crée un nouveau code « Telegram » dans ton tableau de bord.\nInvalid, used or expired code: create a new one in your dashboard.",
      },
    ];
  }
  const member = await staffByTelegramChat(db, chatId);
  if (member) await audit(db, member.id, "staff_telegram_link", null);
  return [
    {
      text: `✅ ${linked.name}, ce chat Telegram recevra les alertes des jeunes que tu suis.\nThis Telegram chat will now receive alerts.`,
    },
  ];
}

export async function staffAcknowledge(env: Env, chatId: string, alertId: string): Promise<Reply[]> {
  const db = database(env.DB);
  const member = await staffByTelegramChat(db, chatId);
  if (!member) return [{ text: "Ce bouton est réservé à l'équipe. / This button is for staff only." }];
  const outcome = await acknowledge(env, alertId, member, "telegram");
  switch (outcome) {
    case "acknowledged":
      return [
        {
          text: "✅ Alerte prise en compte. Le jeune est prévenu que tu as vu son message.\nAlert acknowledged; the young person is told.",
        },
      ];
    case "already":
      return [{ text: "Cette alerte était déjà prise en compte. / Already acknowledged." }];
    default:
      return [{ text: "Tu ne peux pas prendre en compte cette alerte. / You cannot acknowledge this alert." }];
  }
}
