import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { adminRoutes } from "./routes/admin.tsx";
import { adminContentRoutes } from "./routes/admin-content.tsx";
import { chatRoutes } from "./routes/chat.ts";
import { loginRoutes } from "./routes/login.tsx";
import { referentRoutes } from "./routes/referent.tsx";
import { pageRoutes } from "./routes/pages.tsx";
import { roadmapRoutes } from "./routes/roadmap.tsx";
import { telegramRoutes } from "./routes/telegram.ts";

/** The HTTP app: routes are sub-apps; errors become JSON in one place, never a stack trace. */
export function createApp() {
  const app = new Hono<{ Bindings: Env }>();
  app.get("/health", (c) => c.json({ ok: true, service: "passerelle" }));
  app.route("/telegram", telegramRoutes);
  app.route("/", roadmapRoutes);
  app.route("/api/chat", chatRoutes);
  app.route("/", loginRoutes);
  app.route("/admin/content", adminContentRoutes);
  app.route("/admin", adminRoutes);
  app.route("/referent", referentRoutes);
  app.route("/", pageRoutes);
  app.notFound((c) => c.json({ error: "not found" }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    // No message text, SQL or personal data in logs: the error's kind is enough to start.
    console.error("unhandled error", error instanceof Error ? error.name : typeof error);
    return c.json({ error: "internal error" }, 500);
  });
  return app;
}

export const app = createApp();
