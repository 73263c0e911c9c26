import { and, eq, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { alertDeliveries, digestDeliveries } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/**
 * SQL for a row delivered by the queue with a lease, attempts and a backoff (the columns of
 * `leasedDeliveryColumns` in shared/db/schema.ts): alert deliveries and review digest e-mails.
 * The row is stored first; each attempt claims it, then settles it; the cron queues again the
 * rows whose queue message was lost.
 */

export type LeasedTable = typeof alertDeliveries | typeof digestDeliveries;

/** Errors are kept short (and never hold personal data: the senders word them). */
const MAX_ERROR_CHARS = 300;

/**
 * Takes a pending row for one attempt: attempts+1 and a short lease (next_attempt_at in the
 * future with no last_error = being sent), so two consumers never send the same row at once. A
 * row waiting after a failure (last_error set) is taken whenever its queue message comes back:
 * the queue applied the backoff delay. Null when it is delivered, failed or gone;
 * `leasedUntil` when another attempt holds it. One round trip.
 */
export async function claimLeased(
  db: Db,
  table: LeasedTable,
  id: string,
  now: number,
  leaseMs: number,
): Promise<{ attempts: number } | { leasedUntil: number } | null> {
  const [claimed, state] = await db.batch([
    db
      .update(table)
      .set({ attempts: sql`${table.attempts} + 1`, nextAttemptAt: now + leaseMs, lastError: null })
      .where(
        and(
          eq(table.id, id),
          eq(table.status, "pending"),
          or(isNotNull(table.lastError), isNull(table.nextAttemptAt), lte(table.nextAttemptAt, now)),
        ),
      )
      .returning({ attempts: table.attempts }),
    db.select({ status: table.status, next: table.nextAttemptAt }).from(table).where(eq(table.id, id)),
  ]);
  const row = claimed[0];
  if (row) return { attempts: row.attempts };
  const rest = state[0];
  return rest?.status === "pending" && rest.next !== null ? { leasedUntil: rest.next } : null;
}

/**
 * An attempt's end: delivered (whatever the row's status: it did reach its recipient); or
 * failed (the error) while still pending: to try again at `nextAttemptAt`, or for good (null).
 */
export async function settleLeased(
  db: Db,
  table: LeasedTable,
  id: string,
  outcome: { delivered: number } | { error: string; nextAttemptAt: number | null },
): Promise<void> {
  if ("delivered" in outcome) {
    await db
      .update(table)
      .set({ status: "delivered", deliveredAt: outcome.delivered, lastError: null, nextAttemptAt: null })
      .where(eq(table.id, id));
    return;
  }
  const lastError = outcome.error.slice(0, MAX_ERROR_CHARS);
  await db
    .update(table)
    .set(
      outcome.nextAttemptAt === null
        ? { status: "failed", lastError, nextAttemptAt: null }
        : { lastError, nextAttemptAt: outcome.nextAttemptAt },
    )
    .where(and(eq(table.id, id), eq(table.status, "pending")));
}

/** Dead-lettered by the queue: failed for good (keeping the last error), unless delivered meanwhile. */
export async function giveUpLeased(db: Db, table: LeasedTable, id: string): Promise<void> {
  await db
    .update(table)
    .set({ status: "failed", nextAttemptAt: null, lastError: sql`coalesce(${table.lastError}, 'dead-lettered')` })
    .where(and(eq(table.id, id), eq(table.status, "pending")));
}

/** Pending rows with nothing happening since `before` (their queue message was lost): to queue again. */
export async function stalledLeased(db: Db, table: LeasedTable, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.status, "pending"), lt(sql`coalesce(${table.nextAttemptAt}, ${table.createdAt})`, before)))
    .limit(limit);
  return rows.map((r) => r.id);
}
