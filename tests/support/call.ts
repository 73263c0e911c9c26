import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "./worker.ts";

/**
 * One request to the tests' Worker (tests/support/worker.ts), called as workerd calls a module
 * Worker's fetch, then waits for its background work. For tests that send thousands of requests:
 * each call through `exports.default` makes @cloudflare/vitest-pool-workers (0.15) wrap the
 * entrypoint's prototype in one more Proxy, so property lookups deepen with every request and
 * the 2 000-request fuzz overflowed the call stack.
 */
export async function callWorker(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input, init);
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
