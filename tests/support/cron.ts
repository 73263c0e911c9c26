import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { scheduled } from "../../worker/scheduled.ts";

/** The cron schedule wrangler.site.toml declares: every test runs the one trigger the site Worker has. */
export const CRON = "*/5 * * * *";

/** One run of the Worker's real `scheduled` handler, as the Cron Trigger fires it at `at`. */
export async function runCron(at: number | string | Date, on: Env = env): Promise<void> {
  await scheduled(createScheduledController({ scheduledTime: new Date(at), cron: CRON }), on);
}
