import chat from "../worker/index.ts";
import site from "../worker/site.ts";
import { countedFetch, countOn } from "./d1-counter.ts";

/**
 * Bench-only entry: the real chat Worker, and the site Worker's cron and queue handlers, with D1
 * calls counted when the BENCH_COUNT_D1 var is "true" (bench/d1-counter.ts). The bench serves it
 * as a second instance beside the measured one, which runs worker/index.ts as built for a
 * deploy. Without the var it is the Workers unchanged. Never deployed (wrangler.toml's main is
 * worker/index.ts, wrangler.site.toml's worker/site.ts).
 *
 * POST /__bench/scheduled?time=<ms> (counting on): runs the site Worker's own `scheduled`
 * handler for that scheduled time, as a Cron Trigger would; POST /__bench/queue with
 * `{ messages: [body, …] }`: one invocation of its own `queue` handler on that batch (with the
 * sends captured: bench/d1-counter.ts). Both answer the wall time and outcome
 * (bench/scale/cron.ts reads the counts and the process's CPU around them).
 */
async function timed(run: () => Promise<void>): Promise<Response> {
  const t0 = Date.now();
  try {
    await run();
    return Response.json({ ok: true, ms: Date.now() - t0 });
  } catch (error) {
    return Response.json({
      ok: false,
      ms: Date.now() - t0,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

function runScheduled(request: Request, env: Env): Promise<Response> {
  const scheduledTime = Number(new URL(request.url).searchParams.get("time") ?? Date.now());
  const controller = { scheduledTime, cron: "*/5 * * * *", noRetry() {} } as ScheduledController;
  return timed(() => site.scheduled(controller, env));
}

async function runQueue(request: Request, env: Env): Promise<Response> {
  const { messages } = (await request.json()) as { messages: unknown[] };
  const batch = {
    queue: "passerelle-deliveries",
    messages: messages.map((body, i) => ({
      id: `bench-${i}`,
      timestamp: new Date(),
      attempts: 1,
      body,
      ack() {},
      retry() {},
    })),
    ackAll() {},
    retryAll() {},
  } as unknown as MessageBatch<unknown>;
  return timed(() => site.queue(batch, env));
}

const benchRoutes: Record<string, (request: Request, env: Env) => Promise<Response>> = {
  "/__bench/scheduled": runScheduled,
  "/__bench/queue": runQueue,
};

export default {
  fetch: countedFetch<Env>(
    (request, env, ctx) => benchRoutes[new URL(request.url).pathname]?.(request, env) ?? chat.fetch(request, env, ctx),
  ),
  scheduled: (controller, env) => {
    countOn(env);
    return site.scheduled(controller, env);
  },
  queue: (batch, env) => {
    countOn(env);
    return site.queue(batch, env);
  },
} satisfies ExportedHandler<Env>;
