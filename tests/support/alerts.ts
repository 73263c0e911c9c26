import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { queue } from "../../worker/queue.ts";
import { send } from "./webchat.ts";

/**
 * Drives the DELIVERIES queue consumer as the Queues runtime would: in tests, sent messages
 * go to a queue nobody consumes (vitest.config.ts), so a test hands the pending deliveries
 * to the real `queue` handler, round after round (a retried message comes back later).
 */

export type QueueRound = { acked: string[]; retried: { id: string; delaySeconds: number | undefined }[] };

let messageNo = 0;

export async function pendingDeliveryIds(): Promise<string[]> {
  const rows = await env.DB.prepare(
    "select id from alert_deliveries where status = 'pending' order by created_at, id",
  ).all<{ id: string }>();
  return rows.results.map((r) => r.id);
}

/** One batch of delivery messages through the consumer of `queueName`. */
export async function runQueue(
  deliveryIds: string[],
  queueName = "passerelle-deliveries",
  attempts = 1,
): Promise<QueueRound> {
  const byMessage = new Map<string, string>();
  const messages = deliveryIds.map((deliveryId) => {
    const id = `m${++messageNo}`;
    byMessage.set(id, deliveryId);
    return { id, timestamp: new Date(), attempts, body: { type: "alert_delivery", deliveryId } };
  });
  const batch = createMessageBatch(queueName, messages);
  const ctx = createExecutionContext();
  await queue(batch as MessageBatch<unknown>, env);
  const result = (await getQueueResult(batch, ctx)) as unknown as {
    explicitAcks: string[];
    retryMessages: { msgId: string; delaySeconds?: number }[];
  };
  return {
    acked: result.explicitAcks.map((m) => byMessage.get(m)!),
    retried: result.retryMessages.map((r) => ({ id: byMessage.get(r.msgId)!, delaySeconds: r.delaySeconds })),
  };
}

/** Rounds until every delivery is done (or `maxRounds`); returns each round's outcome. */
export async function drainDeliveries(maxRounds = 10): Promise<QueueRound[]> {
  const rounds: QueueRound[] = [];
  for (let i = 0; i < maxRounds; i++) {
    const ids = await pendingDeliveryIds();
    if (ids.length === 0) break;
    rounds.push(await runQueue(ids, "passerelle-deliveries", i + 1));
  }
  return rounds;
}

export async function deliveriesOf(alertId: string) {
  const rows = await env.DB.prepare(
    "select channel, recipient, status, attempts, last_error as lastError from alert_deliveries where alert_id = ? order by channel, recipient",
  )
    .bind(alertId)
    .all<{ channel: string; recipient: string; status: string; attempts: number; lastError: string | null }>();
  return rows.results;
}

/** The crisis alert a young person's message raised (the escalation tests start from it). */
export async function crisisOf(youngId: string): Promise<{ id: string; createdAt: number }> {
  const row = await env.DB.prepare(
    "select id, created_at as createdAt from alerts where young_id = ? and kind = 'crisis'",
  )
    .bind(youngId)
    .first<{ id: string; createdAt: number }>();
  if (!row) throw new Error("no crisis alert was stored");
  return row;
}

/** The escalations the cron raised for an alert nobody acknowledged. */
export async function escalationsOf(alertId: string): Promise<string[]> {
  const rows = await env.DB.prepare("select id from alerts where kind = 'escalation' and subject = ?")
    .bind(alertId)
    .all<{ id: string }>();
  return rows.results.map((r) => r.id);
}

/** A web chat user asks their référent for help in their own words; returns the stored alert's id. */
export async function helpRequest(token: string, message: string): Promise<string> {
  await send(token, { action: "contact" });
  await send(token, { text: message });
  const row = await env.DB.prepare("select id from alerts where message = ? order by created_at desc")
    .bind(message)
    .first<{ id: string }>();
  if (!row) throw new Error("no help alert was stored");
  return row.id;
}
