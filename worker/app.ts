import { Hono } from "hono";
import { chatRoutes } from "./routes/chat.ts";
import { pageRoutes } from "./routes/pages.tsx";
import { roadmapRoutes } from "./routes/roadmap.tsx";
import { telegramRoutes } from "./routes/telegram.ts";
import { answerErrors, settingsChecked } from "./errors.ts";

/**
 * The chat Worker's HTTP app: the Telegram webhook, the web chat and the young people's pages.
 * Staff pages are another Worker (worker/staff.ts), reached through the STAFF service binding:
 * their code is not compiled by the isolates that answer young people (see BENCHMARKS.md).
 */
/** The paths the staff Worker serves; they are forwarded to it unchanged. */
const STAFF_PATHS = ["/login", "/logout", "/admin", "/admin/*", "/referent", "/referent/*"] as const;

export function createApp() {
  const app = settingsChecked(new Hono<{ Bindings: Env }>());
  app.get("/health", (c) => c.json({ ok: true, service: "passerelle" }));
  app.route("/telegram", telegramRoutes);
  app.route("/", roadmapRoutes);
  app.route("/api/chat", chatRoutes);
  app.route("/", pageRoutes);
  for (const path of STAFF_PATHS) {
    app.all(path, async (c) => {
      if (!c.env.STAFF) return c.json({ error: "staff pages are served by the passerelle-staff Worker, which is not bound" }, 503);
      return c.env.STAFF.fetch(c.req.raw);
    });
  }
  return answerErrors(app);
}

export const app = createApp();
