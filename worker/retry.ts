/**
 * The retry policy every queued delivery shares (replies on Telegram and WhatsApp, alerts):
 * exponential backoff from 2 s, capped at an hour, never sooner than the receiver asked.
 */
export function backoffSeconds(attempt: number, retryAfter?: number): number {
  return Math.min(3600, Math.max(retryAfter ?? 0, 2 ** Math.min(attempt, 11)));
}

/** After this many attempts (about 34 minutes of backoff) queued replies are dropped. */
export const MAX_REPLY_ATTEMPTS = 10;
