import * as z from "zod/mini";
import { lazy } from "../shared/lazy.ts";
import { sendEmail } from "./alerts/deliver.ts";
import { alertConfigOf } from "./alerts/config.ts";
import { digestDeliveries } from "../shared/db/schema.ts";
import { attemptLeased, type Attempt, type DeliveryOutcome } from "./leased-attempt.ts";
import { database } from "./store/db.ts";
import { digestWork, giveUpDigestEmail, stalledDigestEmails } from "./store/digest.ts";

/**
 * The review digest by e-mail (issue 21 §3), delivered as alerts' e-mails are: the row is stored
 * first (worker/store/digest.ts), then a queue message per row; each attempt claims the row,
 * sends through the alerts' `send_email` sender, and is retried with the deliveries' backoff; a
 * message lost or dead-lettered leaves the row for the cron to queue again or mark failed.
 */

export const digestEmailMessageSchema = lazy(() => z.object({ type: z.literal("digest_email"), id: z.string() }));
type DigestEmailMessage = z.infer<ReturnType<typeof digestEmailMessageSchema>>;

export const DIGEST_SUBJECT = "Passerelle : contenus à revoir";
/** Attempts before the row is failed for good (about an hour of backoff). */
const MAX_ATTEMPTS = 12;
const HOUR = 60 * 60 * 1000;

export async function queueDigestEmails(env: Env, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 100)
    await env.DELIVERIES.sendBatch(
      ids.slice(i, i + 100).map((id) => ({ body: { type: "digest_email", id } satisfies DigestEmailMessage })),
    );
}

/** One attempt; `retry` tells the queue consumer when to try again. */
export function processDigestEmail(env: Env, id: string, now = Date.now()): Promise<DeliveryOutcome> {
  const db = database(env.DB);
  const sender = alertConfigOf(env).email;
  return attemptLeased(db, digestDeliveries, id, now, {
    load: () => digestWork(db, id),
    send: async (work): Promise<Attempt> => {
      if (!sender) return { ok: false, retryable: false, error: "e-mail not configured" };
      if (work.email === null) return { ok: false, retryable: false, error: "recipient disabled" };
      return sendEmail(sender, work.email, DIGEST_SUBJECT, work.text);
    },
    maxAttempts: MAX_ATTEMPTS,
  });
}

/** Dead-lettered by the queue: failed for good, unless delivered meanwhile. */
export async function giveUpDigest(env: Env, id: string): Promise<void> {
  await giveUpDigestEmail(database(env.DB), id);
}

/** The cron: pending rows with nothing happening for two hours are queued again. */
export async function requeueStalledDigests(env: Env, now: number): Promise<{ requeued: number }> {
  const stalled = await stalledDigestEmails(database(env.DB), now - 2 * HOUR);
  await queueDigestEmails(env, stalled);
  return { requeued: stalled.length };
}
