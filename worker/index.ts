import { app } from "./app.ts";
import { configOf } from "./config.ts";
import { queue } from "./queue.ts";
import { scheduled } from "./scheduled.ts";

/** The chat Worker. A wrong setting stops every handler before it does anything (worker/config.ts). */
export default {
  fetch: app.fetch,
  scheduled: (controller: ScheduledController, env: Env) => {
    configOf(env);
    return scheduled(controller, env);
  },
  queue: (batch: MessageBatch<unknown>, env: Env) => {
    configOf(env);
    return queue(batch, env);
  },
} satisfies ExportedHandler<Env>;
