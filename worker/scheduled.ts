import { database } from "./store/db.ts";
import { dispatchStored, escalateCrises, requeueStalled } from "./alerts/jobs.ts";
import { expireProfiles, pruneOldRecords } from "./retention.ts";
import { raiseDeadlineAlerts, sendDueReminders } from "./reminders.ts";
import { publishedRoadmapRules } from "./store/content-settings.ts";
import type { RoadmapRules } from "../shared/roadmap/rules.ts";

type Job = { name: string; run: () => Promise<Record<string, number | unknown[]>> };

/** The jobs of one run, most urgent first: a crisis must not wait behind a reminder. */
function jobsOf(env: Env, now: number): Job[] {
  const db = database(env.DB);
  let rules: Promise<RoadmapRules> | undefined;
  // Read once for both roadmap jobs, on first use (and not at all when neither runs).
  const roadmapRules = () => (rules ??= publishedRoadmapRules(db));
  const jobs: Job[] = [
    { name: "escalations", run: () => escalateCrises(env, now) },
    { name: "alert dispatch", run: () => dispatchStored(env, now) },
    { name: "delivery requeue", run: () => requeueStalled(env, now) },
    // Reminders every run (quiet hours and one-a-day are checked inside).
    { name: "reminders", run: async () => sendDueReminders(env, now, await roadmapRules()) },
  ];
  // The deadline-alert scan, idempotent but heavier, once an hour.
  if (new Date(now).getUTCMinutes() < 5) jobs.push({ name: "deadline alerts", run: async () => raiseDeadlineAlerts(env, now, await roadmapRules()) });
  // Retention, once an hour too; each retention is a setting (worker/config.ts, RETENTION_DEFAULTS; PRIVACY.md).
  if (new Date(now).getUTCMinutes() < 5) {
    jobs.push({ name: "profile retention", run: () => expireProfiles(env, now) });
    jobs.push({ name: "records retention", run: () => pruneOldRecords(env, now) });
  }
  return jobs;
}

/** Counts worth a log line (nothing personal: numbers only). */
function counts(outcome: Record<string, number | unknown[]>): Record<string, number> | null {
  const numbers = Object.fromEntries(Object.entries(outcome).map(([k, v]) => [k, Array.isArray(v) ? v.length : v]));
  return Object.values(numbers).some((n) => n > 0) ? numbers : null;
}

/**
 * The one cron schedule: runs every job that is due, each on its own, so that one failing
 * (D1 refusing a statement, a bug) never stops the others. A failure is logged with the job's
 * name and the error's class only (never data), and the run then fails as a whole, so the
 * Cron Trigger's status shows it.
 */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const failed: string[] = [];
  for (const job of jobsOf(env, controller.scheduledTime)) {
    try {
      const done = counts(await job.run());
      if (done) console.log("cron", job.name, done);
    } catch (error) {
      failed.push(job.name);
      console.error("cron job failed", job.name, error instanceof Error ? error.name : typeof error);
    }
  }
  if (failed.length > 0) throw new Error(`cron jobs failed: ${failed.join(", ")}`);
}
