import { acknowledgeAlert, alertById } from "../store/alerts.ts";
import { database } from "../store/db.ts";
import { isLinked } from "../store/links.ts";
import { audit } from "../store/staff.ts";
import { dispatchYoungNotice } from "./dispatch.ts";

export type AckResult = "acknowledged" | "already" | "forbidden" | "missing";

/**
 * A staff member acknowledges an alert. Allowed for a référent linked to that young person
 * (and, from the dashboard, an admin). Acknowledging an escalation also acknowledges the
 * crisis it escalates, and vice versa the crisis closes the matter. The young person is told
 * (Telegram: now, through the queue; web: at their next turn).
 */
export async function acknowledge(
  env: Env,
  alertId: string,
  viewer: { id: string; role: string },
  via: "dashboard" | "telegram",
  now = Date.now(),
): Promise<AckResult> {
  const db = database(env.DB);
  const alert = await alertById(db, alertId);
  if (!alert) return "missing";
  const allowed = (via === "dashboard" && viewer.role === "admin") || (await isLinked(db, viewer.id, alert.youngId));
  if (!allowed) return "forbidden";
  const done = await acknowledgeAlert(db, alertId, viewer.id, now);
  if (alert.kind === "escalation" && alert.subject) await acknowledgeAlert(db, alert.subject, viewer.id, now);
  if (!done) return "already";
  await audit(db, viewer.id, "alert_ack", alertId, { via, kind: alert.kind });
  const noticeFor = alert.kind === "escalation" && alert.subject ? alert.subject : alert.id;
  if (alert.kind !== "deadline") await dispatchYoungNotice(env, noticeFor, alert.youngId, now);
  return "acknowledged";
}
