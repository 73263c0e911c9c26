import type { Db } from "./db.ts";

/**
 * Sign-in attempts counted in D1 (issue 22, finding 7): one atomic upsert per key returns
 * the count including this attempt, so concurrent requests can never get more password
 * checks than the limit. Keys are an address, and an address with an e-mail's SHA-256: a
 * limit never applies to an account alone, so failures from elsewhere cannot keep its owner
 * out, and an unknown e-mail is counted exactly like a known one.
 */

export type LoginLimit = { limit: number; windowMs: number };

export const LOGIN_LIMITS = {
  /** Password checks for one e-mail from one address: the guesses a place gets at an account. */
  addressAccount: { limit: 5, windowMs: 15 * 60 * 1000 },
  /** Password checks from one address, whatever the e-mails (an office or a phone network's NAT: several people). */
  address: { limit: 30, windowMs: 15 * 60 * 1000 },
} as const satisfies Record<string, LoginLimit>;

const LONGEST_WINDOW_MS = Math.max(...Object.values(LOGIN_LIMITS).map((l) => l.windowMs));

// A window that has ended starts again at this attempt (SET reads the row as it was).
const COUNT = `count = case when login_throttle.window_start <= ?3 then 1 else login_throttle.count + 1 end,
    window_start = case when login_throttle.window_start <= ?3 then ?2 else login_throttle.window_start end`;

const HIT = `insert into login_throttle (key, window_start, count) values (?1, ?2, 1)
  on conflict (key) do update set ${COUNT}
  returning count, window_start as windowStart`;

/**
 * The address-and-account counter counts only attempts the address's limit let through
 * (?4 its key, ?5 its limit): an address refused for spraying does not also use up an
 * account's attempts from there.
 */
const HIT_IF_ADDRESS_ALLOWED = `insert into login_throttle (key, window_start, count)
  select ?1, ?2, 1 where (select count from login_throttle where key = ?4) <= ?5
  on conflict (key) do update set ${COUNT}
  where (select count from login_throttle where key = ?4) <= ?5
  returning count, window_start as windowStart`;

export type LoginAttempt = { ok: true; accountKey: string } | { ok: false; retryAfterSeconds: number };

async function keyOf(kind: string, ...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("\u0000")));
  return `${kind}:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Counts one password check for (address, e-mail); refused when a limit is already reached. */
export async function countLoginAttempt(db: Db, address: string, email: string, now: number): Promise<LoginAttempt> {
  const d1 = db.$client;
  const addressKey = await keyOf("address", address);
  const accountKey = await keyOf("address-account", address, email);
  const { address: perAddress, addressAccount } = LOGIN_LIMITS;
  const [, byAddress, byAccount] = await d1.batch<{ count: number; windowStart: number }>([
    // Housekeeping first: rows of windows that have ended (login_throttle_window index).
    d1.prepare("delete from login_throttle where window_start <= ?").bind(now - LONGEST_WINDOW_MS),
    d1.prepare(HIT).bind(addressKey, now, now - perAddress.windowMs),
    d1
      .prepare(HIT_IF_ADDRESS_ALLOWED)
      .bind(accountKey, now, now - addressAccount.windowMs, addressKey, perAddress.limit),
  ]);
  const a = byAddress!.results[0]!;
  if (a.count > perAddress.limit) return { ok: false, retryAfterSeconds: secondsLeft(a.windowStart, perAddress, now) };
  const b = byAccount!.results[0]!;
  if (b.count > addressAccount.limit)
    return { ok: false, retryAfterSeconds: secondsLeft(b.windowStart, addressAccount, now) };
  return { ok: true, accountKey };
}

function secondsLeft(windowStart: number, rule: LoginLimit, now: number): number {
  return Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000));
}

/** A successful sign-in: this address's failures on this account are forgotten. */
export async function forgetLoginAttempts(db: Db, accountKey: string): Promise<void> {
  await db.$client.prepare("delete from login_throttle where key = ?").bind(accountKey).run();
}
