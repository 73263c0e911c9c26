import chat from "../../worker/index.ts";
import staff from "../../worker/staff.ts";

/**
 * The tests' Worker: the chat Worker as deployed, with its STAFF service binding answered by
 * the staff Worker's own handler, on the same env (one D1). Everything but Cloudflare's
 * service-binding transport runs for real, the chat Worker's forwarding included.
 */
export default {
  ...chat,
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const staffBinding = { fetch: (input: RequestInfo | URL, init?: RequestInit) => staff.fetch(new Request(input, init), env, ctx) } as Fetcher;
    return chat.fetch(request, { ...env, STAFF: staffBinding }, ctx);
  },
} satisfies ExportedHandler<Env>;
