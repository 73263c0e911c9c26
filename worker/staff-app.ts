import { Hono } from "hono";
import { adminRoutes } from "./routes/admin.tsx";
import { adminContentRoutes } from "./routes/admin-content.tsx";
import { loginRoutes } from "./routes/login.tsx";
import { referentRoutes } from "./routes/referent.tsx";
import { answerErrors, settingsChecked } from "./errors.ts";

/** The staff Worker's HTTP app: sign-in, the content admin and the référents' dashboard. */
export function createStaffApp() {
  const app = settingsChecked(new Hono<{ Bindings: Env }>());
  app.get("/health", (c) => c.json({ ok: true, service: "passerelle-staff" }));
  app.route("/", loginRoutes);
  app.route("/admin/content", adminContentRoutes);
  app.route("/admin", adminRoutes);
  app.route("/referent", referentRoutes);
  return answerErrors(app);
}

export const staffApp = createStaffApp();
