import { Hono } from "hono";
import { adminRoutes } from "./routes/admin.tsx";
import { adminContentRoutes } from "./routes/admin-content.tsx";
import { loginRoutes } from "./routes/login.tsx";
import { referentRoutes } from "./routes/referent.tsx";
import { staffErrorPage, staffPathRoutes } from "./routes/staff-paths.tsx";
import { answerErrors, settingsChecked } from "./errors.ts";
import { formsParsed } from "./http.ts";
import { assetRoutes } from "./assets.ts";
import { STAFF_ASSETS, staffStyle } from "./pages/staff-style.ts";
import { secureHeaders, STAFF_CSP } from "./security-headers.ts";
import { staffBodyLimit } from "./staff-body-limit.ts";

/** The staff Worker's HTTP app: sign-in, the content admin and the référents' dashboard. */
export function createStaffApp() {
  const app = new Hono<{ Bindings: Env }>();
  app.use("*", secureHeaders(STAFF_CSP));
  settingsChecked(app);
  app.use("*", staffBodyLimit());
  // After the size check: a form that cannot be parsed is a 400, not a 500 in the handler.
  app.use("*", formsParsed());
  app.get("/health", (c) => c.json({ ok: true, service: "passerelle-staff" }));
  // Before any sign-in check: the login page needs its stylesheet.
  app.route(
    "/",
    assetRoutes(STAFF_ASSETS, () => [staffStyle]),
  );
  app.route("/", loginRoutes);
  app.route("/admin/content", adminContentRoutes);
  app.route("/admin", adminRoutes);
  app.route("/referent", referentRoutes);
  app.route("/", staffPathRoutes);
  return answerErrors(app, staffErrorPage);
}

export const staffApp = createStaffApp();
