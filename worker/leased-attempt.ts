import { backoffSeconds } from "./retry.ts";
import type { Db } from "./store/db.ts";
import { claimLeased, settleLeased, type LeasedTable } from "./store/leased-deliveries.ts";

/**
 * One attempt at a stored delivery row (alerts' deliveries, the review digest's e-mails): claim
 * it under a lease, send, then settle it — delivered, failed for good, or retried with the
 * deliveries' backoff. The queue consumer acknowledges or retries its message as told.
 */

/** How long one attempt holds a row: another consumer given the same row waits until then. */
const LEASE_MS = 60_000;

/** A send's result: the error is worded by the sender (no personal data). */
export type Attempt = { ok: true } | { ok: false; retryable: boolean; error: string; retryAfter?: number };

/** An attempt's end: done (delivered, or failed for good) or to retry after a delay. */
export type DeliveryOutcome = { kind: "done" } | { kind: "retry"; delaySeconds: number };

export async function attemptLeased<Work>(
  db: Db,
  table: LeasedTable,
  id: string,
  now: number,
  steps: {
    /** What to send, read once the row is claimed; null: nothing to do (the row's subject is gone). */
    load: (attempts: number) => Promise<Work | null>;
    send: (work: Work) => Promise<Attempt>;
    /** Failed for good after this many attempts; without it, the queue's dead letter gives up. */
    maxAttempts?: number;
  },
): Promise<DeliveryOutcome> {
  const claim = await claimLeased(db, table, id, now, LEASE_MS);
  if (claim === null) return { kind: "done" };
  if ("leasedUntil" in claim)
    return { kind: "retry", delaySeconds: Math.max(1, Math.ceil((claim.leasedUntil - now) / 1000)) };
  const work = await steps.load(claim.attempts);
  if (work === null) return { kind: "done" };
  const result = await steps.send(work);
  if (result.ok) {
    await settleLeased(db, table, id, { delivered: now });
    return { kind: "done" };
  }
  if (!result.retryable || claim.attempts >= (steps.maxAttempts ?? Number.POSITIVE_INFINITY)) {
    await settleLeased(db, table, id, { error: result.error, nextAttemptAt: null });
    return { kind: "done" };
  }
  const delaySeconds = backoffSeconds(claim.attempts, result.retryAfter);
  await settleLeased(db, table, id, { error: result.error, nextAttemptAt: now + delaySeconds * 1000 });
  return { kind: "retry", delaySeconds };
}
