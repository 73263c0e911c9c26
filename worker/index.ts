import { app } from "./app.ts";
import { queue } from "./queue.ts";
import { scheduled } from "./scheduled.ts";

export default {
  fetch: app.fetch,
  scheduled,
  queue,
} satisfies ExportedHandler<Env>;
