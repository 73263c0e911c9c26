/**
 * Cloudflare's limits per invocation the scale scripts compare against, as the docs state them
 * (BENCHMARKS.md, "One Département, then all of France", cites the pages):
 * Workers limits (developers.cloudflare.com/workers/platform/limits/), D1 limits
 * (developers.cloudflare.com/d1/platform/limits/), Queues limits
 * (developers.cloudflare.com/queues/platform/limits/).
 */
export const LIMITS = {
  cpuMsFree: 10,
  /** Paid plan: 30 s by default, `limits.cpu_ms` up to 5 minutes. */
  cpuMsPaidDefault: 30_000,
  cpuMsPaidMax: 300_000,
  subrequestsFree: 50,
  subrequestsPaid: 10_000,
  d1QueriesFree: 50,
  d1QueriesPaid: 1_000,
  d1BoundParameters: 100,
  d1RowBytes: 2_000_000,
  d1DatabaseBytes: 10 * 1000 ** 3,
  memoryBytes: 128 * 1024 ** 2,
  queueBatchMessages: 100,
  queueMessagesPerSecond: 5_000,
  /** Telegram's broadcast limit for one bot (core.telegram.org/bots/faq): ~30 messages a second. */
  telegramMessagesPerSecond: 30,
} as const;
