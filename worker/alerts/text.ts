import { CRISIS_CATEGORIES } from "../../bot/actions.ts";
import type { CrisisCategory } from "../../bot/safety/crisis.ts";
import type { AlertRow } from "../store/alerts.ts";
import { shownText } from "../../shared/text/display.ts";

/** What staff read about an alert: in French (staff pages and messages are French only); pseudonymous. */

export function pseudonym(youngId: string): string {
  return `Jeune ${youngId.slice(0, 6).toUpperCase()}`;
}

const KIND_LABELS: Record<AlertRow["kind"], string> = {
  help: "🙋 Demande d'aide",
  crisis: "🚨 Situation de crise",
  deadline: "⏰ Échéance dépassée",
  escalation: "🚨 ESCALADE : crise non prise en compte",
};

export function kindLabel(kind: AlertRow["kind"]): string {
  return KIND_LABELS[kind];
}

const CRISIS_LABELS: Record<CrisisCategory, string> = {
  overdose: "Médicaments ou produit avalés",
  suicide: "Idées suicidaires",
  self_harm: "Se fait du mal",
  sexual_violence: "Violences sexuelles",
  violence: "Violences",
  danger: "Danger immédiat",
  shelter: "Sans abri ce soir",
};

const isCategory = (subject: string): subject is CrisisCategory =>
  (CRISIS_CATEGORIES as readonly string[]).includes(subject);
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An alert's subject as the engine or the cron wrote it: a crisis category, an overdue step's
 * id, or (escalation) the crisis alert's id. Anything else (a row written before subjects were
 * checked) is not shown to staff: it could be anybody's text.
 */
export function subjectKey(alert: Pick<AlertRow, "kind" | "subject">): string | null {
  const subject = alert.subject;
  if (subject === null) return null;
  if (alert.kind === "crisis") return isCategory(subject) ? subject : null;
  if (alert.kind === "deadline") return SLUG.test(subject) ? subject : null;
  if (alert.kind === "escalation") return UUID.test(subject) ? subject : null;
  return null;
}

/** The subject in staff words: the crisis category's label, or the overdue step. */
export function subjectLabel(alert: Pick<AlertRow, "kind" | "subject">): string | null {
  const key = subjectKey(alert);
  if (key === null || alert.kind === "escalation") return null;
  return alert.kind === "crisis" && isCategory(key) ? CRISIS_LABELS[key] : `Étape : ${key}`;
}

/** The alert as sent to a référent's Telegram or e-mail. */
export function staffAlertText(alert: AlertRow, publicUrl: string, withMessage: boolean): string {
  const lines = [`Passerelle — ${kindLabel(alert.kind)}`, `${pseudonym(alert.youngId)}`];
  const subject = subjectLabel(alert);
  if (subject) lines.push(`Sujet : ${subject}`);
  if (withMessage && alert.message) lines.push(`Message du jeune : « ${shownText(alert.message)} »`);
  if (alert.kind === "escalation") {
    lines.push("Une alerte de crise n'a pas été prise en compte par le référent à temps.");
  }
  const anchor = alert.kind === "escalation" ? (subjectKey(alert) ?? alert.id) : alert.id;
  lines.push(`Tableau de bord : ${publicUrl}/referent#alert-${anchor}`);
  return lines.join("\n");
}
