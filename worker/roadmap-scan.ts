import * as z from "zod/mini";
import type { RoadmapRules } from "../shared/roadmap/rules.ts";
import { isQuietHour } from "../shared/roadmap/time.ts";
import { lazy } from "../shared/lazy.ts";
import { configOf } from "./config.ts";
import { deadlinePage, reminderPage, REMINDERS_PER_SECOND } from "./reminders.ts";
import { latestRulesChange, publishedRoadmapRules } from "./store/content-settings.ts";
import { database } from "./store/db.ts";

/**
 * The roadmap jobs over a whole Département, in bounded invocations. The cron runs the first
 * pages; when people remain, it hands the rest to the queue (a `roadmap_scan` message naming
 * where to resume), whose consumer runs the next pages and hands on again, and so on. So no
 * invocation reads, computes or sends more than PAGES_PER_INVOCATION pages, whatever the
 * number of young people (Cloudflare's limits per invocation: D1 queries, subrequests, CPU;
 * BENCHMARKS.md, "The daily cron at 100 000 young people"). A hand-on is delayed until the
 * reminders already queued are due, so one scan never queues more than REMINDERS_PER_SECOND
 * messages for any second.
 */

export const PAGES_PER_INVOCATION = 5;
export const ROADMAP_JOBS = ["reminders", "deadlines"] as const;
export type RoadmapJob = (typeof ROADMAP_JOBS)[number];

export const roadmapScanMessageSchema = lazy(() =>
  z.object({
    type: z.literal("roadmap_scan"),
    job: z.enum(ROADMAP_JOBS),
    /** The last young person's id already scanned ("" = from the start). */
    after: z.string(),
    /** The cron's scheduled time: "today" and the quiet hours of the whole scan. */
    now: z.number(),
  }),
);
export type RoadmapScanMessage = z.infer<ReturnType<typeof roadmapScanMessageSchema>>;

export type ScanOutcome = { pages: number; queued: number; raised: number; handedOn: number };

/** Pages of `job` from `after`; the rest handed to the queue. Reminders: none in quiet hours, or with neither a bot nor Web Push. */
export async function scanRoadmap(
  env: Env,
  job: RoadmapJob,
  now: number,
  after = "",
  rules?: RoadmapRules,
): Promise<ScanOutcome> {
  const outcome: ScanOutcome = { pages: 0, queued: 0, raised: 0, handedOn: 0 };
  const config = configOf(env);
  // Web Push reminders keep the same quiet hours as Telegram's.
  if (job === "reminders" && ((!config.telegram && !config.webPush) || isQuietHour(now))) return outcome;
  const db = database(env.DB);
  rules ??= await publishedRoadmapRules(db);
  const change = job === "reminders" ? await latestRulesChange(db) : null;
  let cursor = after;
  while (outcome.pages < PAGES_PER_INVOCATION) {
    const page =
      job === "reminders"
        ? await reminderPage(env, db, now, rules, cursor, outcome.queued, change)
        : await deadlinePage(db, now, rules, cursor);
    outcome.pages++;
    outcome.queued += page.queued;
    outcome.raised += page.raised;
    if (page.next === null) return outcome;
    cursor = page.next;
  }
  const message: RoadmapScanMessage = { type: "roadmap_scan", job, after: cursor, now };
  await env.DELIVERIES.send(message, { delaySeconds: Math.ceil(outcome.queued / REMINDERS_PER_SECOND) });
  outcome.handedOn = 1;
  return outcome;
}
