import { database } from "./store/db.ts";
import { purgeInactive } from "./store/privacy.ts";

const DAY = 24 * 60 * 60 * 1000;
/** Young people silent for this long are deleted: a profile is only useful while it is used. */
export const RETENTION_DAYS = 365;
const UPDATE_IDS_KEPT_DAYS = 7;

/** The one cron schedule: runs every job that is due. */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const now = controller.scheduledTime;
  const db = database(env.DB);
  const purged = await purgeInactive(db, now - RETENTION_DAYS * DAY, now - UPDATE_IDS_KEPT_DAYS * DAY);
  if (purged.people > 0) console.log("retention purge", purged.people);
}
