import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { digestDeliveries, staff } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/** SQL of the weekly review digest (worker/review-digest.ts). */

/** Editors and admins who linked a Telegram chat and are not disabled: the review digest's readers. */
export async function editorsWithTelegram(db: Db): Promise<{ id: string; chatId: string }[]> {
  const rows = await db
    .select({ id: staff.id, chatId: staff.telegramChatId })
    .from(staff)
    .where(and(inArray(staff.role, ["editor", "admin"]), isNotNull(staff.telegramChatId), isNull(staff.disabledAt)));
  return rows.filter((r): r is { id: string; chatId: string } => r.chatId !== null);
}

/**
 * Stores this week's digest e-mail for every editor and admin not disabled (each has an e-mail:
 * their sign-in name), once per week: returns the ids of the rows this call created.
 */
export async function storeDigestEmails(db: Db, week: string, text: string, now: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`insert into ${digestDeliveries} (id, staff_id, week, text, created_at)
    select lower(hex(randomblob(16))), ${staff.id}, ${week}, ${text}, ${now} from ${staff}
    where ${staff.role} in ('editor', 'admin') and ${staff.disabledAt} is null
    on conflict do nothing
    returning id`);
  return rows.map((r) => r.id);
}

export type DigestWork = { id: string; attempts: number; text: string; email: string | null };

/**
 * Claims a pending digest e-mail for one attempt (a lease, as alert deliveries have): null when
 * it is done or failed; `leasedUntil` when another attempt holds it. `email` is null when the
 * recipient was disabled (or deleted) since: nothing is sent.
 */
export async function claimDigestEmail(
  db: Db,
  id: string,
  now: number,
  leaseMs: number,
): Promise<DigestWork | { leasedUntil: number } | null> {
  const claimed = await db
    .update(digestDeliveries)
    .set({ attempts: sql`${digestDeliveries.attempts} + 1`, nextAttemptAt: now + leaseMs, lastError: null })
    .where(
      and(
        eq(digestDeliveries.id, id),
        eq(digestDeliveries.status, "pending"),
        or(
          isNotNull(digestDeliveries.lastError),
          isNull(digestDeliveries.nextAttemptAt),
          lt(digestDeliveries.nextAttemptAt, now + 1),
        ),
      ),
    )
    .returning();
  const row = claimed[0];
  if (!row) {
    const rest = await db
      .select({ status: digestDeliveries.status, next: digestDeliveries.nextAttemptAt })
      .from(digestDeliveries)
      .where(eq(digestDeliveries.id, id));
    return rest[0]?.status === "pending" && rest[0].next !== null ? { leasedUntil: rest[0].next } : null;
  }
  const member = (
    await db.select({ email: staff.email, disabledAt: staff.disabledAt }).from(staff).where(eq(staff.id, row.staffId))
  )[0];
  return {
    id: row.id,
    attempts: row.attempts,
    text: row.text,
    email: member && member.disabledAt === null ? member.email : null,
  };
}

/** Delivered; or an attempt failed (the error, no personal data): again at `nextAttemptAt`, or for good (null). */
export async function markDigestEmail(
  db: Db,
  id: string,
  outcome: { delivered: number } | { error: string; nextAttemptAt: number | null },
): Promise<void> {
  const set =
    "delivered" in outcome
      ? { status: "delivered" as const, deliveredAt: outcome.delivered, lastError: null, nextAttemptAt: null }
      : outcome.nextAttemptAt === null
        ? { status: "failed" as const, lastError: outcome.error.slice(0, 300), nextAttemptAt: null }
        : { lastError: outcome.error.slice(0, 300), nextAttemptAt: outcome.nextAttemptAt };
  await db
    .update(digestDeliveries)
    .set(set)
    .where(and(eq(digestDeliveries.id, id), eq(digestDeliveries.status, "pending")));
}

/** Pending digest e-mails whose queue message seems lost (nothing since `before`): queued again by the cron. */
export async function stalledDigestEmails(db: Db, before: number, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: digestDeliveries.id })
    .from(digestDeliveries)
    .where(
      and(
        eq(digestDeliveries.status, "pending"),
        lt(sql`coalesce(${digestDeliveries.nextAttemptAt}, ${digestDeliveries.createdAt})`, before),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}
