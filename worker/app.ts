import { Hono } from "hono";
import { chatRoutes } from "./web/chat.ts";
import { telegramRoutes } from "./telegram/webhook.ts";
import { whatsappRoutes } from "./whatsapp/webhook.ts";
import { answerErrors, settingsChecked } from "./errors.ts";
import { CHAT_CSP, secureHeaders } from "./security-headers.ts";

/** The paths the staff Worker serves; they are forwarded to it unchanged. */
const STAFF_PATHS = ["/login", "/logout", "/admin", "/admin/*", "/referent", "/referent/*"] as const;

/**
 * The chat Worker's HTTP app: the Telegram and WhatsApp webhooks and the web chat's API. Staff
 * pages are another Worker (worker/staff.ts), reached through the STAFF service binding, and so
 * are the young people's pages (worker/site.ts, the SITE binding, which gets every other path):
 * the isolates that answer a turn compile neither (see BENCHMARKS.md).
 */
export function createApp() {
  const app = new Hono<{ Bindings: Env }>();
  // First: a misconfigured Worker's 500 carries the headers too.
  app.use("*", secureHeaders(CHAT_CSP));
  settingsChecked(app);
  app.get("/health", (c) => c.json({ ok: true, service: "passerelle" }));
  app.route("/telegram", telegramRoutes);
  app.route("/whatsapp", whatsappRoutes);
  app.route("/api/chat", chatRoutes);
  for (const path of STAFF_PATHS) app.all(path, (c) => forward(c.env.STAFF, "passerelle-staff", c.req.raw));
  // Last: the pages, their assets, the simulator's API and the 404 of any unknown path.
  app.all("/*", (c) => forward(c.env.SITE, "passerelle-site", c.req.raw));
  return answerErrors(app);
}

/** A request answered by another Worker; its headers are its own, this Worker's fill in any it lacks. */
async function forward(worker: Fetcher | undefined, name: string, request: Request): Promise<Response> {
  if (!worker) return Response.json({ error: `served by the ${name} Worker, which is not bound` }, { status: 503 });
  const res = await worker.fetch(request);
  return new Response(res.body, res);
}

export const app = createApp();
