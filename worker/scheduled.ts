import { database } from "./store/db.ts";
import { runAlertJobs } from "./alerts/jobs.ts";
import { purgeInactive } from "./store/privacy.ts";
import { raiseDeadlineAlerts, sendDueReminders } from "./reminders.ts";
import { publishedRoadmapRules } from "./store/content-settings.ts";

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
  // Roadmap: reminders every run (quiet hours and one-a-day are checked inside); the
  // deadline-alert scan, idempotent but heavier, once an hour.
  const rules = await publishedRoadmapRules(db);
  const reminders = await sendDueReminders(env, now, rules);
  if (reminders.sent > 0) console.log("roadmap reminders sent", reminders.sent);
  if (new Date(now).getUTCMinutes() < 5) {
    const alerts = await raiseDeadlineAlerts(env, now, rules);
    if (alerts.raised.length > 0) console.log("deadline alerts raised", alerts.raised.length);
  }
  // Alerts: escalations of unacknowledged crises, dispatch of cron-raised alerts, lost messages.
  const alertJobs = await runAlertJobs(env, now);
  if (alertJobs.escalated + alertJobs.dispatched + alertJobs.requeued > 0) console.log("alert jobs", alertJobs);
}
