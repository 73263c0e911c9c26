import worker from "../worker/index.ts";
import { countedFetch, countOn } from "./d1-counter.ts";

/**
 * Bench-only entry: the real Worker, with D1 calls counted when the BENCH_COUNT_D1 var is
 * "true" (bench/d1-counter.ts). The bench serves it as a second instance beside the measured
 * one, which runs worker/index.ts as built for a deploy. Without the var it is the Worker
 * unchanged. Never deployed (wrangler.toml's main is worker/index.ts).
 */
export default {
  fetch: countedFetch<Env>((request, env, ctx) => worker.fetch(request, env, ctx)),
  scheduled: (controller, env) => {
    countOn(env);
    return worker.scheduled(controller, env);
  },
  queue: (batch, env) => {
    countOn(env);
    return worker.queue(batch, env);
  },
} satisfies ExportedHandler<Env>;
