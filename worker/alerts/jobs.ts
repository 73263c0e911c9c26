import { raiseEscalations, stalledDeliveries, undispatchedAlerts } from "../store/alerts.ts";
import { database } from "../store/db.ts";
import { alertConfigOf } from "./config.ts";
import { dispatchAlerts } from "./dispatch.ts";
import { enqueueDeliveries } from "./messages.ts";

const HOUR = 60 * 60 * 1000;

/**
 * Cron part of alerts (every run):
 *  - crisis alerts unacknowledged after ESCALATION_DELAY_MINUTES → one "escalation" alert
 *    each, delivered to the team's backup contact;
 *  - alerts stored without deliveries (cron "deadline" alerts, or a failed dispatch) → dispatched;
 *  - pending deliveries whose queue message was lost → enqueued again.
 */
export async function runAlertJobs(env: Env, now: number): Promise<{ escalated: number; dispatched: number; requeued: number }> {
  const db = database(env.DB);
  const config = alertConfigOf(env);
  const escalations = await raiseEscalations(db, now - config.escalationDelayMs, now);
  const fresh = await undispatchedAlerts(db, now - 48 * HOUR);
  const ids = [...new Set([...escalations, ...fresh])];
  const dispatched = ids.length > 0 ? await dispatchAlerts(env, ids, now) : [];
  const stalled = await stalledDeliveries(db, now - 2 * HOUR);
  await enqueueDeliveries(env, stalled);
  return { escalated: escalations.length, dispatched: dispatched.length, requeued: stalled.length };
}
