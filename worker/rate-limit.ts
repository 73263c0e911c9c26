import type { Context } from "hono";

/**
 * Rate limits on Cloudflare's Rate Limiting binding (`[[ratelimits]]` in wrangler.toml:
 * counted per Cloudflare location, approximately, in windows of 10 or 60 seconds), with a
 * per-isolate counter of the same rule when the binding is not configured. wrangler dev
 * and the tests run the binding's local simulation (miniflare), from the same wrangler.toml.
 *
 * One rule per thing limited; a Worker that limits something else (the staff Worker's
 * sign-in) declares its own rule and binding and calls `rateLimit` the same way.
 */

export type RateRule = {
  /** The `[[ratelimits]]` binding's name; its `simple` limit and period must be these. */
  binding: string;
  /** Hits allowed per key and period. */
  limit: number;
  period: 10 | 60;
};

/** The chat Worker's limits (wrangler.toml declares the same; tests/worker/rate-limit.test.ts checks it). */
export const RATE_RULES = {
  /** Updates from one Telegram chat: a person taps and types far slower. */
  telegramChat: { binding: "RATE_LIMIT_TELEGRAM_CHAT", limit: 40, period: 60 },
  /** Messages from one WhatsApp number, as for a Telegram chat. */
  whatsappChat: { binding: "RATE_LIMIT_WHATSAPP_CHAT", limit: 40, period: 60 },
  /** The "slow down" notice: once per chat and period, however long the flood. */
  slowDownNotice: { binding: "RATE_LIMIT_SLOW_DOWN_NOTICE", limit: 1, period: 60 },
  /** Requests of one web chat session (messages, export, timeline, deletion). */
  webSession: { binding: "RATE_LIMIT_WEB_SESSION", limit: 40, period: 60 },
  /** New web chat sessions from one address (a foyer's wifi, a phone network's NAT: not 1). */
  sessionIp: { binding: "RATE_LIMIT_SESSION_IP", limit: 20, period: 60 },
  /** All web chat API requests from one address, whatever the session. */
  webIp: { binding: "RATE_LIMIT_WEB_IP", limit: 300, period: 60 },
} as const satisfies Record<string, RateRule>;

export type RateOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

type Binding = { limit(options: { key: string }): Promise<{ success: boolean }> };

function bindingOf(env: Env, rule: RateRule): Binding | null {
  const value = (env as unknown as Record<string, unknown>)[rule.binding] as Partial<Binding> | undefined;
  return value && typeof value.limit === "function" ? (value as Binding) : null;
}

/** One hit of `key` against `rule`. Never throws: a limiter that fails lets the request through. */
export async function rateLimit(env: Env, rule: RateRule, key: string, now = Date.now()): Promise<RateOutcome> {
  const binding = bindingOf(env, rule);
  if (!binding) return localLimit(rule, key, now);
  try {
    const { success } = await binding.limit({ key });
    // The binding does not say when its window ends: the period is an upper bound.
    return success ? { ok: true } : { ok: false, retryAfterSeconds: rule.period };
  } catch {
    // Blocking every young person because the limiter is down would be worse than a flood.
    console.warn("rate limit: binding failed", rule.binding);
    return { ok: true };
  }
}

/** Fixed windows per isolate, as the binding counts; bounded so a flood of keys cannot grow it. */
const MAX_KEYS = 10_000;
const windows = new Map<string, { window: number; count: number }>();

export function localLimit(rule: RateRule, key: string, now = Date.now()): RateOutcome {
  const periodMs = rule.period * 1000;
  const window = Math.floor(now / periodMs);
  const id = `${rule.binding}\u0000${key}`;
  let entry = windows.get(id);
  if (!entry || entry.window !== window) {
    if (!entry && windows.size >= MAX_KEYS) evict(now);
    entry = { window, count: 0 };
    windows.set(id, entry);
  }
  if (entry.count >= rule.limit)
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * periodMs - now) / 1000)) };
  entry.count++;
  return { ok: true };
}

function evict(now: number): void {
  // Entries of past windows first (60 s is the longest period); then the oldest inserted.
  for (const [id, entry] of windows) if (entry.window < Math.floor(now / 60_000) - 1) windows.delete(id);
  while (windows.size >= MAX_KEYS) windows.delete(windows.keys().next().value!);
}

/** Forgets the local counters (tests). */
export function resetLocalLimits(): void {
  windows.clear();
}

/**
 * The client's address as Cloudflare's edge gives it (`CF-Connecting-IP`, which a client
 * cannot set), an IPv6 one as its /64 (one subscriber's whole network). Missing (only
 * off Cloudflare): one shared key, so a missing header never means "no limit".
 */
export function clientAddress(c: Context): string {
  const ip = c.req.header("CF-Connecting-IP")?.trim() ?? "";
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The 429 answer of a limited web request: JSON, with Retry-After. */
export function tooManyRequests(
  c: Context,
  outcome: { retryAfterSeconds: number },
  extra: Record<string, unknown> = {},
): Response {
  c.header("Retry-After", String(outcome.retryAfterSeconds));
  return c.json({ error: "too many requests", retryAfter: outcome.retryAfterSeconds, ...extra }, 429);
}
