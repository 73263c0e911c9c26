import { Hono } from "hono";
import { pageRoutes } from "./routes/pages.tsx";
import { pwaRoutes } from "./routes/pwa.tsx";
import { roadmapRoutes } from "./routes/roadmap.tsx";
import { answerErrors, settingsChecked } from "./errors.ts";
import { assetRoutes } from "./assets.ts";
import { CHAT_ASSETS, chatScriptAsset, chatStyle } from "./pages/chat.tsx";
import { roadmapStyle } from "./pages/roadmap.tsx";
import { offlineScript } from "./pages/offline.tsx";
import { letterRoutes } from "./letters/routes.tsx";
import { letterStyle } from "./letters/page.tsx";
import { CHAT_CSP, secureHeaders } from "./security-headers.ts";

/**
 * The site Worker's HTTP app: the young people's pages (the web chat's shell, the installable
 * app's files, the roadmap simulator, the letters form) and their assets. The chat Worker
 * (worker/app.ts) forwards every path it does not answer itself here, so the isolates that
 * answer Telegram, WhatsApp and the web chat's messages do not compile this code.
 */
export function createSiteApp() {
  const app = new Hono<{ Bindings: Env }>();
  app.use("*", secureHeaders(CHAT_CSP));
  settingsChecked(app);
  app.get("/health", (c) => c.json({ ok: true, service: "passerelle-site" }));
  app.route("/", roadmapRoutes);
  app.route("/", letterRoutes);
  app.route("/", pageRoutes);
  app.route("/", pwaRoutes);
  app.route(
    "/",
    assetRoutes(CHAT_ASSETS, () => [chatScriptAsset, chatStyle, roadmapStyle, letterStyle, offlineScript]),
  );
  return answerErrors(app);
}

export const siteApp = createSiteApp();
