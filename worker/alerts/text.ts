import type { AlertRow } from "../store/alerts.ts";

/** What staff read about an alert: French first, then English; pseudonymous. */

export function pseudonym(youngId: string): string {
  return `Jeune ${youngId.slice(0, 6).toUpperCase()}`;
}

const KIND_LABELS: Record<AlertRow["kind"], string> = {
  help: "🙋 Demande d'aide / Help request",
  crisis: "🚨 Situation de crise / Crisis",
  deadline: "⏰ Échéance dépassée / Overdue deadline",
  escalation: "🚨 ESCALADE : crise non prise en compte / Unacknowledged crisis",
};

export function kindLabel(kind: AlertRow["kind"]): string {
  return KIND_LABELS[kind];
}

/** The alert as sent to a référent's Telegram or e-mail. */
export function staffAlertText(alert: AlertRow, publicUrl: string, withMessage: boolean): string {
  const lines = [`Passerelle — ${kindLabel(alert.kind)}`, `${pseudonym(alert.youngId)}`];
  if (alert.subject && alert.kind !== "escalation") lines.push(`Sujet / Subject : ${alert.subject}`);
  if (withMessage && alert.message) lines.push(`Message du jeune / Their message : « ${alert.message} »`);
  if (alert.kind === "escalation") {
    lines.push("Une alerte de crise n'a pas été prise en compte par le référent à temps. / A crisis alert was not acknowledged in time.");
  }
  lines.push(`Tableau de bord / Dashboard : ${publicUrl}/referent#alert-${alert.kind === "escalation" && alert.subject ? alert.subject : alert.id}`);
  return lines.join("\n");
}
