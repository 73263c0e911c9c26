import { raiseEscalations, stalledDeliveries, undispatchedAlerts } from "../store/alerts.ts";
import { database } from "../store/db.ts";
import { alertConfigOf } from "./config.ts";
import { dispatchAlerts } from "./dispatch.ts";
import { enqueueDeliveries } from "./messages.ts";

/**
 * The cron's alert jobs, each run on its own by worker/scheduled.ts so that one failing never
 * stops another (escalations above all).
 */

const HOUR = 60 * 60 * 1000;

/**
 * Crisis alerts unacknowledged after ESCALATION_DELAY_MINUTES → one "escalation" alert each,
 * delivered at once to the backup contact of each team concerned. An escalation whose
 * dispatch failed is picked up by `dispatchStored` at the next run.
 */
export async function escalateCrises(env: Env, now: number): Promise<{ escalated: number; deliveries: number }> {
  const db = database(env.DB);
  const escalations = await raiseEscalations(db, now - alertConfigOf(env).escalationDelayMs, now);
  const deliveries = escalations.length > 0 ? await dispatchAlerts(env, escalations, now) : [];
  return { escalated: escalations.length, deliveries: deliveries.length };
}

/** Alerts stored without deliveries (the cron's "deadline" alerts, or a failed dispatch) → dispatched. */
export async function dispatchStored(env: Env, now: number): Promise<{ dispatched: number }> {
  const fresh = await undispatchedAlerts(database(env.DB), now - 48 * HOUR);
  return { dispatched: fresh.length > 0 ? (await dispatchAlerts(env, fresh, now)).length : 0 };
}

/** Pending deliveries whose queue message was lost → enqueued again. */
export async function requeueStalled(env: Env, now: number): Promise<{ requeued: number }> {
  const stalled = await stalledDeliveries(database(env.DB), now - 2 * HOUR);
  await enqueueDeliveries(env, stalled);
  return { requeued: stalled.length };
}
