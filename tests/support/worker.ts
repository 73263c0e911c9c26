import chat from "../../worker/index.ts";
import staff from "../../worker/staff.ts";

/**
 * The tests' Worker: the chat Worker as deployed, with its STAFF service binding answered by
 * the staff Worker's own handler, on the same env (one D1). Everything but Cloudflare's
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

export default {
  ...chat,
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const staffBinding = {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => staff.fetch(new Request(input, init), env, ctx),
    } as Fetcher;
    return chat.fetch(fromTheEdge(request), { ...env, STAFF: staffBinding }, ctx);
  },
} satisfies ExportedHandler<Env>;
