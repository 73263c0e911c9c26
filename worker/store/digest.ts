import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { digestDeliveries, staff } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";
import { giveUpLeased, stalledLeased } from "./leased-deliveries.ts";

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

export type DigestWork = { text: string; email: string | null };

/**
 * What a claimed digest e-mail sends (worker/leased-attempt.ts claims it): null when the row is
 * gone; `email` is null when the recipient was disabled (or deleted) since: nothing is sent.
 */
export async function digestWork(db: Db, id: string): Promise<DigestWork | null> {
  const row = (
    await db
      .select({ text: digestDeliveries.text, email: staff.email, disabledAt: staff.disabledAt })
      .from(digestDeliveries)
      .leftJoin(staff, eq(staff.id, digestDeliveries.staffId))
      .where(eq(digestDeliveries.id, id))
  )[0];
  if (!row) return null;
  return { text: row.text, email: row.email !== null && row.disabledAt === null ? row.email : null };
}

/** Dead-lettered by the queue: failed for good, unless delivered meanwhile. */
export function giveUpDigestEmail(db: Db, id: string): Promise<void> {
  return giveUpLeased(db, digestDeliveries, id);
}

/** Pending digest e-mails whose queue message seems lost (nothing since `before`): queued again by the cron. */
export function stalledDigestEmails(db: Db, before: number, limit = 100): Promise<string[]> {
  return stalledLeased(db, digestDeliveries, before, limit);
}
