import { and, eq, inArray } from "drizzle-orm";
import { pushSubscriptions } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/** SQL behind the web chat's push reminders (worker/push/). */

export type PushSubscriptionRow = { endpoint: string; p256dh: string; auth: string };

/**
 * Keeps a browser's subscription for this young person. An endpoint is one browser's: given
 * again (the same phone, a new conversation after "Tout effacer"), it now belongs to whoever
 * gave it last, with its new keys.
 */
export async function savePushSubscription(
  db: Db,
  youngId: string,
  sub: PushSubscriptionRow,
  now: number,
): Promise<void> {
  await db
    .insert(pushSubscriptions)
    .values({ ...sub, youngId, createdAt: now })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { youngId, p256dh: sub.p256dh, auth: sub.auth, createdAt: now },
    });
}

/** Their subscriptions (all their browsers that opted in). */
export async function pushSubscriptionsOf(db: Db, youngId: string): Promise<PushSubscriptionRow[]> {
  return db
    .select({ endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.youngId, youngId));
}

/** "No more reminders on this phone": only their own subscription goes. */
export async function deletePushSubscription(db: Db, youngId: string, endpoint: string): Promise<void> {
  await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.youngId, youngId), eq(pushSubscriptions.endpoint, endpoint)));
}

/** The push service said these subscriptions are gone (404/410): they are dropped. */
export async function dropPushSubscriptions(db: Db, endpoints: string[]): Promise<void> {
  // Under D1's 100 bound parameters per statement.
  for (let i = 0; i < endpoints.length; i += 90)
    await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.endpoint, endpoints.slice(i, i + 90)));
}
