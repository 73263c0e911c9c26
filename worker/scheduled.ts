import { database } from "./store/db.ts";
import { dispatchStored, escalateCrises, requeueStalled } from "./alerts/jobs.ts";
import { expireProfiles, pruneOldRecords } from "./retention.ts";
import { scanRoadmap } from "./roadmap-scan.ts";
import { requeueLostReplies } from "./replies/deliver.ts";
import { publishedRoadmapRules } from "./store/content-settings.ts";
import type { RoadmapRules } from "../shared/roadmap/rules.ts";
import { checkLinks } from "./links.ts";
import { sendReviewDigest } from "./review-digest.ts";
import { requeueStalledDigests } from "./review-digest-email.ts";

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
    { name: "reply requeue", run: () => requeueLostReplies(env, now) },
    { name: "digest requeue", run: () => requeueStalledDigests(env, now) },
  ];
  // The roadmap scans read everyone, so once an hour, not every run: reminders (quiet hours and
  // one a day checked inside) and deadline alerts, each continued through the queue when the
  // Département is larger than one invocation's pages (worker/roadmap-scan.ts).
  if (new Date(now).getUTCMinutes() < 5) {
    jobs.push({ name: "reminders", run: async () => scanRoadmap(env, "reminders", now, "", await roadmapRules()) });
    jobs.push({
      name: "deadline alerts",
      run: async () => scanRoadmap(env, "deadlines", now, "", await roadmapRules()),
    });
  }
  // Retention, once an hour too; each retention is a setting (worker/config.ts, RETENTION_DEFAULTS; PRIVACY.md).
  if (new Date(now).getUTCMinutes() < 5) {
    jobs.push({ name: "profile retention", run: () => expireProfiles(env, now) });
    jobs.push({ name: "records retention", run: () => pruneOldRecords(env, now) });
  }
  // Last, as it may wait on slow sites: the link checker, once a night (02:00 UTC; worker/links.ts),
  // and the review digest to editors on Monday mornings (07:00 UTC; worker/review-digest.ts).
  const at = new Date(now);
  if (at.getUTCHours() === 2 && at.getUTCMinutes() < 5)
    jobs.push({ name: "link check", run: () => checkLinks(env, now) });
  if (at.getUTCDay() === 1 && at.getUTCHours() === 7 && at.getUTCMinutes() < 5)
    jobs.push({ name: "review digest", run: () => sendReviewDigest(env, now) });
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
