import { env, exports } from "cloudflare:workers";
import { Hono } from "hono";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import wranglerToml from "../../wrangler.toml?raw";
import { fr } from "../../shared/i18n/fr.ts";
import {
  clientAddress,
  localLimit,
  RATE_RULES,
  rateLimit,
  resetLocalLimits,
  type RateRule,
} from "../../worker/rate-limit.ts";
import { seedContent } from "../support/content.ts";
import { countWrites, everyTableCount } from "../support/db.ts";
import { fakeTelegram } from "../support/outside.ts";
import { buttonUpdate, postUpdate, textUpdate } from "../support/telegram.ts";
import { openSession, sendRaw } from "../support/webchat.ts";

/**
 * Rate limits: the per-isolate counter exactly (fixed clock), then each limit through the
 * real Worker on the binding as wrangler.toml declares it (miniflare's simulation). Those
 * count in real 60-second windows, so a burst of 2 × limit + 1 must meet at least one refusal
 * whatever the window boundary, and at most 2 × limit may pass.
 */

const RULE: RateRule = { binding: "RATE_LIMIT_NOT_BOUND", limit: 3, period: 60 };
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => {
  resetLocalLimits();
  fakeTelegram.reset();
});

describe("the local counter (no binding)", () => {
  it("should allow `limit` hits per key and window, then refuse with the seconds left in the window", () => {
    expect([1, 2, 3].map(() => localLimit(RULE, "a", T0 + 15_000).ok)).toEqual([true, true, true]);
    expect(localLimit(RULE, "a", T0 + 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(localLimit(RULE, "b", T0 + 15_000).ok).toBe(true);
    expect(localLimit(RULE, "a", T0 + 59_999)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(localLimit(RULE, "a", T0 + 60_000).ok).toBe(true);
  });

  it("should be what rateLimit uses when the Worker has no such binding", async () => {
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await rateLimit(env, RULE, "k", T0));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false]);
  });

  it("should stay bounded under a flood of keys", () => {
    for (let i = 0; i < 25_000; i++) localLimit(RULE, `key-${i}`, T0);
    // The newest keys are still counted exactly.
    for (let i = 0; i < 3; i++) localLimit(RULE, "key-24999", T0);
    expect(localLimit(RULE, "key-24999", T0).ok).toBe(false);
  });

  it("should let requests through when the binding itself fails (a flood is better than nobody answered)", async () => {
    const broken = {
      ...env,
      RATE_LIMIT_NOT_BOUND: {
        limit: async () => {
          throw new Error("limiter down");
        },
      },
    } as unknown as Env;
    expect((await rateLimit(broken, RULE, "k")).ok).toBe(true);
  });
});

describe("rules and wrangler.toml", () => {
  it("should declare every rule as a [[ratelimits]] binding with the same limit and period", () => {
    for (const rule of Object.values(RATE_RULES)) {
      const block = new RegExp(
        `\\[\\[ratelimits\\]\\]\\s*\\nname = "${rule.binding}"\\s*\\nnamespace_id = "\\d+"\\s*\\nsimple = \\{ limit = (\\d+), period = (\\d+) \\}`,
      ).exec(wranglerToml);
      expect(block, rule.binding).not.toBeNull();
      expect({ limit: Number(block![1]), period: Number(block![2]) }, rule.binding).toEqual({
        limit: rule.limit,
        period: rule.period,
      });
    }
    const ids = [...wranglerToml.matchAll(/namespace_id = "(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("should bind them in the tests' Worker (the limits below are the binding's, not the fallback's)", () => {
    for (const rule of Object.values(RATE_RULES))
      expect(typeof (env as unknown as Record<string, { limit?: unknown }>)[rule.binding]?.limit, rule.binding).toBe(
        "function",
      );
  });
});

describe("client address", () => {
  const addressOf = async (ip?: string) => {
    const app = new Hono().get("/", (c) => c.text(clientAddress(c)));
    return (await app.fetch(new Request("https://x.test/", ip ? { headers: { "CF-Connecting-IP": ip } } : {}))).text();
  };

  it("should key IPv4 by address, IPv6 by its /64, and a missing header by one shared key", async () => {
    expect(await addressOf("203.0.113.7")).toBe("203.0.113.7");
    expect(await addressOf("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(await addressOf("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(await addressOf("2001:db8::5")).toBe("2001:db8:0:0::/64");
    expect(await addressOf()).toBe("unknown");
  });
});

function session(ip: string): Promise<Response> {
  return exports.default.fetch(
    new Request("https://passerelle.test/api/chat/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
      body: "{}",
    }),
  );
}

describe("web chat limits", () => {
  it("should answer new sessions from one address with 429 and Retry-After past the limit, storing nothing for those", async () => {
    const { limit, period } = RATE_RULES.sessionIp;
    const { writes } = await countWrites();
    const statuses: number[] = [];
    let refused: Response | null = null;
    let writesWhenRefused = 0;
    for (let i = 0; i < 2 * limit + 1; i++) {
      const before = await writes();
      const res = await session("203.0.113.7");
      statuses.push(res.status);
      if (res.status === 429) {
        writesWhenRefused += (await writes()) - before;
        refused ??= res;
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(2 * limit);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(writesWhenRefused).toBe(0);
    const retryAfter = Number(refused!.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(period);
    const body = (await refused!.json()) as { error: string; retryAfter: number; replies: { text: string }[] };
    expect(body).toMatchObject({ error: "too many requests", retryAfter });
    expect(body.replies[0]!.text).toBe(fr.slowDown);
    // Another address is not affected.
    expect((await session("203.0.113.8")).status).toBe(201);
  });

  it("should answer one session's messages with 429 past the limit, its turn not run nor stored", async () => {
    const { limit } = RATE_RULES.webSession;
    const { token } = await openSession();
    const { writes } = await countWrites();
    const statuses: number[] = [];
    let writesWhenRefused = 0;
    for (let i = 0; i < 2 * limit + 1; i++) {
      const before = await writes();
      const res = await sendRaw(token, JSON.stringify({ action: "menu" }));
      statuses.push(res.status);
      if (res.status === 429) {
        writesWhenRefused += (await writes()) - before;
        expect(Number(res.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * limit);
    expect(writesWhenRefused).toBe(0);
    // Another session goes on.
    const other = await openSession();
    expect((await sendRaw(other.token, JSON.stringify({ action: "menu" }))).status).toBe(200);
  });
});

describe("Telegram chat limit", () => {
  it("should acknowledge a flood with 200, record every update id, run no turn past the limit and say 'slow down' once per window", async () => {
    const { limit } = RATE_RULES.telegramChat;
    const chatId = 81_001;
    const ids: number[] = [];
    const statuses: number[] = [];
    const acknowledged: boolean[] = [];
    for (let i = 0; i < 2 * limit + 1; i++) {
      const update = i === 0 ? textUpdate(chatId, "/start") : buttonUpdate(chatId, "menu");
      ids.push(update.update_id);
      const res = await postUpdate(update);
      statuses.push(res.status);
      if (i > 0) acknowledged.push(((await res.json()) as { method?: string }).method === "answerCallbackQuery");
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Every button tap is answered in the webhook's reply (the spinner stops), refused or not.
    expect(acknowledged.every(Boolean)).toBe(true);
    const recorded = await env.DB.prepare(
      `select count(*) as n from telegram_updates where update_id in (${ids.join(",")})`,
    ).first<{ n: number }>();
    expect(recorded!.n).toBe(ids.length);
    const sent = fakeTelegram.messages.filter(
      (c) => c.method === "sendMessage" && String(c.params.chat_id) === String(chatId),
    );
    const notices = sent.filter(
      (c) => c.params.text === fr.slowDown.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    );
    // Two windows at most in this burst: one notice in each that refused something.
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices.length).toBeLessThanOrEqual(2);
    expect(sent.length - notices.length).toBeLessThanOrEqual(2 * limit);
  });

  it("should not answer a limited update again when Telegram retries it", async () => {
    const chatId = 81_002;
    let limited: ReturnType<typeof buttonUpdate> | null = null;
    for (let i = 0; i < 2 * RATE_RULES.telegramChat.limit + 1 && !limited; i++) {
      const update = buttonUpdate(chatId, "menu");
      const before = fakeTelegram.messages.length;
      await postUpdate(update);
      const answered = fakeTelegram.messages.slice(before);
      if (answered.length === 0 || answered.some((c) => c.params.text === fr.slowDown)) limited = update;
    }
    expect(limited).not.toBeNull();
    const { writes } = await countWrites();
    const [before, written, counts] = [fakeTelegram.messages.length, await writes(), await everyTableCount()];
    expect((await postUpdate(limited!)).status).toBe(200);
    expect(fakeTelegram.messages.length).toBe(before);
    expect(await writes()).toBe(written);
    expect(await everyTableCount()).toEqual(counts);
  });
});
