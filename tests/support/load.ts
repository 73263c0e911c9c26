import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import worker from "./worker.ts";
import { queue } from "../../worker/queue.ts";
import type { Rng } from "./fuzz.ts";

/**
 * The outside world of the load and outage tests, at the network boundary: a Bot API that
 * fails a share of calls (429 with retry_after, 500, a dropped connection), a Queues runtime
 * that keeps what the Worker sends and hands it back to the real consumer, and a D1 binding
 * that can fail. The Worker itself runs unchanged (tests/support/worker.ts).
 */

export type Delivered = { chatId: string; text: string };

const RAW = Symbol("raw statement");

/** Bot API calls: `failShare` of them fail; every message Telegram accepted is kept. */
export function flakyTelegram(r: Rng, failShare: number) {
  const mocked = vi.mocked(globalThis.fetch);
  const inner = mocked.getMockImplementation()!;
  const stats = { calls: 0, failed: { tooMany: 0, server: 0, dropped: 0 } };
  const delivered: Delivered[] = [];
  mocked.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.host !== "telegram.test") return inner(input, init);
    stats.calls++;
    if (r.chance(failShare)) {
      const kind = r.int(3);
      if (kind === 0) {
        stats.failed.tooMany++;
        return Response.json(
          {
            ok: false,
            error_code: 429,
            description: "Too Many Requests: retry after 1",
            parameters: { retry_after: 1 },
          },
          { status: 429 },
        );
      }
      if (kind === 1) {
        stats.failed.server++;
        return Response.json({ ok: false, error_code: 500, description: "Internal Server Error" }, { status: 500 });
      }
      stats.failed.dropped++;
      throw new TypeError("Network connection lost.");
    }
    const res = await inner(input, init);
    if (url.pathname.endsWith("/sendMessage")) {
      const params = JSON.parse(String(init?.body ?? "{}")) as { chat_id: string; text: string };
      delivered.push({ chatId: String(params.chat_id), text: params.text });
    }
    return res;
  });
  return { stats, delivered, restore: () => mocked.mockImplementation(inner) };
}

/** A DELIVERIES queue whose messages wait here until `drain` hands them to the consumer. */
export function keptQueue() {
  const waiting: { body: unknown; attempts: number }[] = [];
  const binding = {
    async send(body: unknown) {
      waiting.push({ body: structuredClone(body), attempts: 1 });
    },
    async sendBatch(messages: { body: unknown }[]) {
      for (const m of messages) waiting.push({ body: structuredClone(m.body), attempts: 1 });
    },
  } as unknown as Queue;
  const sent = { total: 0 };
  /** Rounds of the real consumer until nothing waits (retries come back with attempts + 1). */
  async function drain(testEnv: Env, maxRounds = 40): Promise<number> {
    let rounds = 0;
    while (waiting.length > 0 && rounds < maxRounds) {
      rounds++;
      const round = waiting.splice(0, waiting.length);
      sent.total += round.length;
      const messages = round.map((m, i) => ({
        id: `q${rounds}-${i}`,
        timestamp: new Date(),
        attempts: m.attempts,
        body: m.body,
      }));
      const batch = createMessageBatch("passerelle-deliveries", messages);
      const ctx = createExecutionContext();
      await queue(batch as MessageBatch<unknown>, testEnv);
      const result = (await getQueueResult(batch, ctx)) as unknown as { retryMessages: { msgId: string }[] };
      for (const retry of result.retryMessages) {
        const index = messages.findIndex((m) => m.id === retry.msgId);
        waiting.push({ body: round[index]!.body, attempts: round[index]!.attempts + 1 });
      }
    }
    return rounds;
  }
  return { binding, waiting, drain, sent };
}

/** D1 that throws while `failing()` says so, before the statement runs or (`afterCommit`) after it ran. */
export function flakyD1(failing: () => "no" | "before" | "afterCommit") {
  const d1 = env.DB;
  const lost = () => new Error("D1_ERROR: Network connection lost.");
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    const mode = failing();
    if (mode === "before") throw lost();
    const result = await run();
    if (mode === "afterCommit") throw lost();
    return result;
  };
  const statement = (s: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(s, {
      get(target, property) {
        if (property === RAW) return target;
        if (property === "bind") return (...args: unknown[]) => statement(target.bind(...args));
        if (property === "first" || property === "all" || property === "run" || property === "raw") {
          return (...args: unknown[]) =>
            guard(() => (target[property] as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(d1, {
    get(target, property) {
      if (property === "prepare") return (query: string) => statement(target.prepare(query));
      if (property === "batch")
        return (statements: D1PreparedStatement[]) => guard(() => target.batch(statements.map(unwrap)));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The real statement under a proxy (D1's batch wants its own objects). */
function unwrap(s: D1PreparedStatement): D1PreparedStatement {
  return (s as unknown as Record<symbol, D1PreparedStatement>)[RAW] ?? s;
}

/** Posts a Telegram update to the real Worker on `testEnv`, waiting for its background work. */
export async function postOn(testEnv: Env, body: unknown, secret = "test-webhook-secret"): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request("https://passerelle.test/telegram/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
      body: JSON.stringify(body),
    }),
    testEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}
