import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, vi } from "vitest";
import { queue } from "../../worker/queue.ts";
import { runCron } from "./cron.ts";

/**
 * The DELIVERIES queue as the cron's roadmap scans use it (worker/roadmap-scan.ts): the env's
 * producer is wrapped to remember each message sent (body, delay, and when it falls due on a
 * clock that starts at the cron run), then forwards it to the real binding; `drain` hands the
 * scan hand-ons and the queued Telegram replies to the real `queue` handler in the order they
 * fall due (and WhatsApp messages, Web Push notifications), in batches of the consumer's max_batch_size (wrangler.site.toml; a scan alone), as the
 * Queues runtime would, until none is left. Alert deliveries are left to tests/support/alerts.ts.
 */

export type Queued = { body: { type?: string }; delaySeconds: number; dueAt: number };

const BATCH = 10;
const DRAINED = new Set(["roadmap_scan", "telegram_replies", "whatsapp_messages", "web_push", "digest_email"]);

export function recordingQueue(base: Env = env) {
  const sent: Queued[] = [];
  /** When the invocation now running started, on the scan's clock (seconds). */
  let clock = 0;
  const remember = (body: unknown, delaySeconds = 0) =>
    sent.push({ body: body as Queued["body"], delaySeconds, dueAt: clock + delaySeconds });
  const real = base.DELIVERIES;
  const DELIVERIES = {
    send: (body: unknown, options?: QueueSendOptions) => {
      remember(body, options?.delaySeconds);
      return real.send(body, options);
    },
    sendBatch: (messages: Iterable<MessageSendRequest>, options?: QueueSendBatchOptions) => {
      const list = [...messages];
      for (const m of list) remember(m.body, m.delaySeconds ?? options?.delaySeconds);
      return real.sendBatch(list, options);
    },
  } as Queue;
  const queued: Queued[] = [];
  const recorded = { ...base, DELIVERIES } as Env;
  let taken = 0;
  const take = () => {
    for (; taken < sent.length; taken++) if (DRAINED.has(String(sent[taken]!.body.type))) queued.push(sent[taken]!);
  };
  let messageNo = 0;

  return {
    env: recorded,
    /** Every message sent so far, in order. */
    sent,
    async cron(at: string | number): Promise<void> {
      clock = 0;
      await runCron(at, recorded);
    },
    /** Consumer invocations until nothing of ours is left; returns how many there were. */
    async drain(maxInvocations = 10_000): Promise<number> {
      let invocations = 0;
      for (take(); queued.length > 0 && invocations < maxInvocations; take()) {
        queued.sort((a, b) => a.dueAt - b.dueAt);
        // A scan runs in a batch of its own, on its own due time: what it queues is timed from it.
        const scans = queued.findIndex((m) => m.body.type === "roadmap_scan");
        const next = queued.splice(0, scans === 0 ? 1 : Math.min(BATCH, scans < 0 ? BATCH : scans));
        clock = next[next.length - 1]!.dueAt;
        const batch = createMessageBatch(
          "passerelle-deliveries",
          next.map((m) => ({ id: `q${++messageNo}`, timestamp: new Date(), attempts: 1, body: m.body })),
        );
        await queue(batch as MessageBatch<unknown>, recorded);
        await getQueueResult(batch, createExecutionContext());
        invocations++;
      }
      return invocations;
    },
  };
}

/**
 * The bodies the code under test hands the queue's producer in batches, during each test of the
 * file (registered as vitest hooks; emptied before each test); nothing is really enqueued.
 */
export function batchesSent<T>(): T[] {
  const sent: T[] = [];
  let spy: { mockRestore(): void } | undefined;
  beforeEach(() => {
    sent.length = 0;
    spy = vi.spyOn(env.DELIVERIES, "sendBatch").mockImplementation(async (messages) => {
      for (const m of messages) sent.push(m.body as T);
      return { metadata: {} } as QueueSendBatchResponse;
    });
  });
  afterEach(() => spy?.mockRestore());
  return sent;
}
