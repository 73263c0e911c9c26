import { Hono } from "hono";
import { chatRoutes } from "./web/chat.ts";
import { pageRoutes } from "./routes/pages.tsx";
import { pwaRoutes } from "./routes/pwa.tsx";
import { roadmapRoutes } from "./routes/roadmap.tsx";
import { telegramRoutes } from "./telegram/webhook.ts";
import { whatsappRoutes } from "./whatsapp/webhook.ts";
import { answerErrors, settingsChecked } from "./errors.ts";
import { assetRoutes } from "./assets.ts";
import { CHAT_ASSETS, chatScriptAsset, chatStyle } from "./pages/chat.tsx";
import { roadmapStyle } from "./pages/roadmap.tsx";
import { offlineScript } from "./pages/offline.tsx";
import { letterRoutes } from "./letters/routes.tsx";
import { letterStyle } from "./letters/page.tsx";
import { CHAT_CSP, secureHeaders } from "./security-headers.ts";

/** The paths the staff Worker serves; they are forwarded to it unchanged. */
const STAFF_PATHS = ["/login", "/logout", "/admin", "/admin/*", "/referent", "/referent/*"] as const;

/**
 * The chat Worker's HTTP app: the Telegram webhook, the web chat and the young people's pages.
 * Staff pages are another Worker (worker/staff.ts), reached through the STAFF service binding:
 * their code is not compiled by the isolates that answer young people (see BENCHMARKS.md).
 */
export function createApp() {
  const app = new Hono<{ Bindings: Env }>();
  // First: a misconfigured Worker's 500 carries the headers too.
  app.use("*", secureHeaders(CHAT_CSP));
  settingsChecked(app);
  app.get("/health", (c) => c.json({ ok: true, service: "passerelle" }));
  app.route("/telegram", telegramRoutes);
  app.route("/whatsapp", whatsappRoutes);
  app.route("/", roadmapRoutes);
  app.route("/", letterRoutes);
  app.route("/api/chat", chatRoutes);
  app.route("/", pageRoutes);
  app.route("/", pwaRoutes);
  app.route(
    "/",
    assetRoutes(CHAT_ASSETS, () => [chatScriptAsset, chatStyle, roadmapStyle, letterStyle, offlineScript]),
  );
  for (const path of STAFF_PATHS) {
    app.all(path, async (c) => {
      if (!c.env.STAFF)
        return c.json({ error: "staff pages are served by the passerelle-staff Worker, which is not bound" }, 503);
      // The staff Worker sets its own headers; a copy lets this Worker's fill in any it lacks.
      const res = await c.env.STAFF.fetch(c.req.raw);
      return new Response(res.body, res);
    });
  }
  return answerErrors(app);
}

export const app = createApp();
