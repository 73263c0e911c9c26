import { staffApp } from "./staff-app.ts";

/**
 * The staff Worker (wrangler.staff.toml): sign-in, content admin, référents' dashboard, on the
 * same D1. The chat Worker (worker/index.ts) forwards the staff paths to it.
 */
export default {
  fetch: staffApp.fetch,
} satisfies ExportedHandler<Env>;
