import chat from "../../worker/index.ts";
import site from "../../worker/site.ts";
import staff from "../../worker/staff.ts";

/**
 * The tests' Worker: the chat Worker as deployed, with its STAFF and SITE service bindings
 * answered by the staff and site Workers' own handlers, on the same env (one D1); its cron and
 * queue handlers are the site Worker's, which holds them. Everything but Cloudflare's
 * service-binding transport runs for real, the chat Worker's forwarding included.
 *
 * It also stands for Cloudflare's edge, which sets `CF-Connecting-IP` on every request: a
 * request without one comes from an address of its own (198.18.0.0/15, the benchmarking
 * range), so tests that open many sessions are many people; the rate-limit tests set it.
 */
let address = 0;

function fromTheEdge(request: Request): Request {
  if (request.headers.has("CF-Connecting-IP")) return request;
  const edge = new Request(request);
  const n = address++ % 131_072;
  edge.headers.set("CF-Connecting-IP", `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`);
  return edge;
}

/** A service binding answered by `worker`'s handler, as Cloudflare's would be. */
function bound(
  worker: { fetch: (request: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response> },
  env: Env,
  ctx: ExecutionContext,
): Fetcher {
  return {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => worker.fetch(new Request(input, init), env, ctx),
  } as Fetcher;
}

export default {
  scheduled: site.scheduled,
  queue: site.queue,
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    return chat.fetch(
      fromTheEdge(request),
      { ...env, STAFF: bound(staff, env, ctx), SITE: bound(site, env, ctx) },
      ctx,
    );
  },
} satisfies ExportedHandler<Env>;
