import { app } from "./app.ts";

/**
 * The chat Worker: the Telegram and WhatsApp webhooks and the web chat's API. Its pages, cron
 * and queue consumers are the site Worker's (worker/site.ts), staff pages the staff Worker's
 * (worker/staff.ts): both reached through service bindings, so this bundle holds the turn path
 * only (its budget: `npm run check:bundle`).
 */
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
