import { reminderReply } from "../bot/flows/roadmap.ts";
import type { ConversationState } from "../bot/state.ts";
import { toLocale } from "../shared/locales.ts";
import { profileSchema, type Profile } from "../shared/profile.ts";
import { computeRoadmap, deadlineAlerts, dueReminders, settingsFor } from "../shared/roadmap/compute.ts";
import type { RoadmapRules } from "../shared/roadmap/rules.ts";
import { parisDate } from "../shared/roadmap/time.ts";
import type { TelegramRepliesMessage } from "./outbox.ts";
import type { Db } from "./store/db.ts";
import { peopleWithBirth, raiseDeadlineAlerts, recordReminderPage, reminderCandidates } from "./store/roadmap.ts";

/**
 * One page of each roadmap job (worker/roadmap-scan.ts pages through everyone, a few pages per
 * invocation): Telegram reminders and "deadline" alerts.
 */

const DAY = 24 * 60 * 60 * 1000;
/** People per page: one D1 read, one D1 write and a queue send or two each. */
export const REMINDER_PAGE = 200;
export const DEADLINE_PAGE = 500;
/**
 * Reminders are sent by the queue consumer, spread so that at most this many fall due in any
 * second: Telegram lets a bot send about 30 messages a second (core.telegram.org/bots/faq),
 * and the live conversations' replies need the rest.
 */
export const REMINDERS_PER_SECOND = 25;
/** Messages per `sendBatch`: the Queues limit (developers.cloudflare.com/queues/platform/limits/). */
const QUEUE_BATCH = 100;

export type PageOutcome = { next: string | null; queued: number; raised: number };

function profileOf(row: { birth: string | null; status: string | null; dept: string | null; enteredCare: string | null; permitExpiry: string | null }): Profile {
  const parsed = profileSchema().safeParse({
    birth: row.birth ?? undefined, status: row.status ?? undefined, dept: row.dept ?? undefined,
    enteredCare: row.enteredCare ?? undefined, permitExpiry: row.permitExpiry ?? undefined,
  });
  return parsed.success ? parsed.data : {};
}

/**
 * The reminders due today to one page of Telegram users, in one message each, at most one a
 * day. Recorded BEFORE they are queued, so a rerun (or a concurrent run) never sends one twice;
 * the queue consumer sends them (worker/outbox.ts: retries, a blocked bot marked). `paced`:
 * messages this invocation already queued; the k-th is delayed by k / REMINDERS_PER_SECOND s.
 */
export async function reminderPage(env: Env, db: Db, now: number, rules: RoadmapRules, after: string, paced: number): Promise<PageOutcome> {
  const today = parisDate(now);
  const people = await reminderCandidates(db, now - DAY, REMINDER_PAGE, after);
  const due = [];
  for (const person of people) {
    const profile = profileOf(person);
    if (!profile.birth) continue;
    const steps = computeRoadmap(profile, rules, today, person.progress);
    const already = new Set(person.sent);
    const reminders = dueReminders(steps, settingsFor(rules, profile)).filter((r) => !already.has(`${r.stepId}/${r.kind}`));
    if (reminders.length > 0) due.push({ person, profile, steps, reminders });
  }
  const recorded = await recordReminderPage(db, due.map((d) => ({ youngId: d.person.youngId, reminders: d.reminders })), now);
  const messages = due.filter((d) => recorded.has(d.person.youngId)).map(({ person, profile, steps, reminders }, k) => {
    const state: ConversationState = {
      youngId: person.youngId, locale: toLocale(person.locale), profile, cursor: { at: "menu" },
      openHelpRequests: 0, hasReferent: false,
    };
    const body: TelegramRepliesMessage = { type: "telegram_replies", chatId: person.chatId, replies: [reminderReply(state, rules, steps, reminders)], attempt: 1 };
    return { body, delaySeconds: Math.floor((paced + k) / REMINDERS_PER_SECOND) };
  });
  for (let i = 0; i < messages.length; i += QUEUE_BATCH) await env.DELIVERIES.sendBatch(messages.slice(i, i + QUEUE_BATCH));
  return { next: people.length === REMINDER_PAGE ? people[people.length - 1]!.youngId : null, queued: messages.length, raised: 0 };
}

/** A "deadline" alert for each step of one page of people overdue by the configured delay, once per step. */
export async function deadlinePage(db: Db, now: number, rules: RoadmapRules, after: string): Promise<PageOutcome> {
  const today = parisDate(now);
  const people = await peopleWithBirth(db, after, DEADLINE_PAGE);
  const due: { youngId: string; stepId: string }[] = [];
  for (const person of people) {
    const profile = profileOf(person);
    const steps = computeRoadmap(profile, rules, today, person.progress);
    const alerted = new Set(person.alerted);
    for (const stepId of deadlineAlerts(steps, settingsFor(rules, profile))) {
      if (!alerted.has(stepId)) due.push({ youngId: person.youngId, stepId });
    }
  }
  const raised = await raiseDeadlineAlerts(db, due, now);
  return { next: people.length === DEADLINE_PAGE ? people[people.length - 1]!.youngId : null, queued: 0, raised: raised.length };
}
