import { env } from "cloudflare:workers";

/**
 * Pending rows of the two tables delivered with a lease (alert_deliveries, digest_deliveries),
 * inserted as their stores insert them, for the tests of worker/store/leased-deliveries.ts and
 * worker/leased-attempt.ts. Each row hangs off one young person's alert or one editor.
 */

export type LeasedTableName = "alert_deliveries" | "digest_deliveries";

let rowNo = 0;

/** The alert and the editor the rows belong to (inserted with the first row). */
const PARENTS = [
  "insert or ignore into young_people (id, created_at, last_active_at) values ('leased-young', 0, 0)",
  "insert or ignore into alerts (id, young_id, kind, severity, created_at) values ('leased-alert', 'leased-young', 'help', 'normal', 0)",
  "insert or ignore into staff (id, email, name, role, created_at) values ('leased-staff', 'lease@example.org', 'Lease', 'editor', 0)",
];

const INSERT: Record<LeasedTableName, string> = {
  alert_deliveries:
    "insert into alert_deliveries (id, alert_id, channel, recipient, created_at) values (?1, 'leased-alert', 'email', ?1, ?2)",
  digest_deliveries:
    "insert into digest_deliveries (id, staff_id, week, text, created_at) values (?1, 'leased-staff', ?1, 'à revoir', ?2)",
};

/** A new pending row of `table` created at `createdAt`; returns its id. */
export async function pendingRow(table: LeasedTableName, createdAt: number): Promise<string> {
  const id = `${table}-${++rowNo}`;
  await env.DB.batch([...PARENTS.map((q) => env.DB.prepare(q)), env.DB.prepare(INSERT[table]).bind(id, createdAt)]);
  return id;
}

/** The row's delivery columns as the tests read them. */
export function leasedRow(table: LeasedTableName, id: string) {
  return env.DB.prepare(
    `select status, attempts, last_error as lastError, next_attempt_at as next, delivered_at as deliveredAt from ${table} where id = ?`,
  )
    .bind(id)
    .first<{
      status: string;
      attempts: number;
      lastError: string | null;
      next: number | null;
      deliveredAt: number | null;
    }>();
}
