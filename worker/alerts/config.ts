/**
 * Alert delivery settings, all optional (vars/secrets; a missing one skips its channel):
 * - ALERT_WEBHOOK_URL + ALERT_WEBHOOK_SECRET: the default team's webhook, HMAC-SHA256 signed
 *   (teams set their own on /admin/teams; this is the fallback, see alerts/dispatch.ts).
 * - SEND_EMAIL (a `send_email` binding) + ALERT_EMAIL_FROM: e-mail to linked référents.
 * - ESCALATION_DELAY_MINUTES (default 60): an unacknowledged crisis alert escalates after it.
 * - BACKUP_TELEGRAM_CHAT_ID and/or BACKUP_EMAIL: the fallback backup contact for escalations.
 */

export type AlertConfig = {
  webhook: { url: string; secret: string } | null;
  email: { from: string; binding: { send(message: unknown): Promise<unknown> } } | null;
  escalationDelayMs: number;
  backup: { telegramChatId: string | null; email: string | null };
  publicUrl: string;
};

function str(vars: Record<string, unknown>, name: string): string | null {
  const v = vars[name];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

export function alertConfigOf(env: Env): AlertConfig {
  const vars = env as unknown as Record<string, unknown>;
  const url = str(vars, "ALERT_WEBHOOK_URL");
  const secret = str(vars, "ALERT_WEBHOOK_SECRET");
  const from = str(vars, "ALERT_EMAIL_FROM");
  const binding = vars.SEND_EMAIL as { send?: unknown } | undefined;
  const minutes = Number(str(vars, "ESCALATION_DELAY_MINUTES") ?? "60");
  return {
    webhook: url && secret && /^https?:\/\//.test(url) ? { url, secret } : null,
    email: from && binding && typeof binding.send === "function" ? { from, binding: binding as { send(message: unknown): Promise<unknown> } } : null,
    escalationDelayMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 60) * 60 * 1000,
    backup: { telegramChatId: str(vars, "BACKUP_TELEGRAM_CHAT_ID"), email: str(vars, "BACKUP_EMAIL") },
    publicUrl: (str(vars, "PUBLIC_URL") ?? "http://localhost:8787").replace(/\/$/, ""),
  };
}
