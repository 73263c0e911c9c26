import { configOf } from "./config.ts";
import { queue } from "./queue.ts";
import { scheduled } from "./scheduled.ts";
import { siteApp } from "./site-app.ts";

/**
 * The site Worker (wrangler.site.toml): the young people's pages, the Cron Trigger and the
 * queue's consumers, on the same D1. None of it is on a webhook's path, so it is not in the chat
 * Worker's bundle (worker/index.ts). A wrong setting stops every handler before it does anything.
 */
export default {
  fetch: siteApp.fetch,
  scheduled: (controller: ScheduledController, env: Env) => {
    configOf(env);
    return scheduled(controller, env);
  },
  queue: (batch: MessageBatch<unknown>, env: Env) => {
    configOf(env);
    return queue(batch, env);
  },
} satisfies ExportedHandler<Env>;
