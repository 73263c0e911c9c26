import * as z from "zod/mini";
import { lazy } from "../shared/lazy.ts";
import { sendEmail } from "./alerts/deliver.ts";
import { alertConfigOf } from "./alerts/config.ts";
import { backoffSeconds } from "./retry.ts";
import { database } from "./store/db.ts";
import { claimDigestEmail, markDigestEmail, stalledDigestEmails } from "./store/digest.ts";

/**
 * The review digest by e-mail (issue 21 §3), delivered as alerts' e-mails are: the row is stored
 * first (worker/store/digest.ts), then a queue message per row; each attempt claims the row,
 * sends through the alerts' `send_email` sender, and is retried with the deliveries' backoff; a
 * message lost or dead-lettered leaves the row for the cron to queue again or mark failed.
 */

export const digestEmailMessageSchema = lazy(() => z.object({ type: z.literal("digest_email"), id: z.string() }));
type DigestEmailMessage = z.infer<ReturnType<typeof digestEmailMessageSchema>>;

export const DIGEST_SUBJECT = "Passerelle : contenus à revoir";
const LEASE_MS = 60_000;
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
export async function processDigestEmail(
  env: Env,
  id: string,
  now = Date.now(),
): Promise<{ kind: "done" } | { kind: "retry"; delaySeconds: number }> {
  const db = database(env.DB);
  const work = await claimDigestEmail(db, id, now, LEASE_MS);
  if (work === null) return { kind: "done" };
  if ("leasedUntil" in work)
    return { kind: "retry", delaySeconds: Math.max(1, Math.ceil((work.leasedUntil - now) / 1000)) };
  const email = alertConfigOf(env).email;
  if (!email || work.email === null) {
    await markDigestEmail(db, id, {
      error: email ? "recipient disabled" : "e-mail not configured",
      nextAttemptAt: null,
    });
    return { kind: "done" };
  }
  const sent = await sendEmail(email, work.email, DIGEST_SUBJECT, work.text);
  if (sent.ok) {
    await markDigestEmail(db, id, { delivered: now });
    return { kind: "done" };
  }
  if (!sent.retryable || work.attempts >= MAX_ATTEMPTS) {
    await markDigestEmail(db, id, { error: sent.error, nextAttemptAt: null });
    return { kind: "done" };
  }
  const delaySeconds = backoffSeconds(work.attempts, sent.retryAfter);
  await markDigestEmail(db, id, { error: sent.error, nextAttemptAt: now + delaySeconds * 1000 });
  return { kind: "retry", delaySeconds };
}

/** Dead-lettered by the queue: failed for good, unless delivered meanwhile. */
export async function giveUpDigestEmail(env: Env, id: string): Promise<void> {
  await markDigestEmail(database(env.DB), id, { error: "dead-lettered", nextAttemptAt: null });
}

/** The cron: pending rows with nothing happening for two hours are queued again. */
export async function requeueStalledDigests(env: Env, now: number): Promise<{ requeued: number }> {
  const stalled = await stalledDigestEmails(database(env.DB), now - 2 * HOUR);
  await queueDigestEmails(env, stalled);
  return { requeued: stalled.length };
}
