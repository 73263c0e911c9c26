import { eq } from "drizzle-orm";
import { telegramUpdates } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/**
 * Takes in a Telegram update without running a turn (one that was rate limited): its id is
 * recorded so a retry of it is not answered. False when it was already recorded (a retry).
 */
export async function recordUpdateOnly(db: Db, updateId: number, now: Date): Promise<boolean> {
  const rows = await db
    .insert(telegramUpdates)
    .values({ updateId, receivedAt: now.getTime() })
    .onConflictDoNothing()
    .returning({ updateId: telegramUpdates.updateId });
  return rows.length > 0;
}

/** Whether this update was taken in (a write whose answer was lost may have committed). */
export async function updateRecorded(db: Db, updateId: number): Promise<boolean> {
  const rows = await db
    .select({ updateId: telegramUpdates.updateId })
    .from(telegramUpdates)
    .where(eq(telegramUpdates.updateId, updateId))
    .limit(1);
  return rows.length > 0;
}
