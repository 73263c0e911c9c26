import { reminderReply } from "../bot/flows/roadmap.ts";
import type { ConversationState } from "../bot/state.ts";
import { isBlockedError, sendReplies } from "../bot/telegram.ts";
import { toLocale } from "../shared/locales.ts";
import { profileSchema, type Profile } from "../shared/profile.ts";
import { computeRoadmap, deadlineAlerts, dueReminders, settingsFor, type Progress } from "../shared/roadmap/compute.ts";
import type { RoadmapRules } from "../shared/roadmap/rules.ts";
import { isQuietHour, parisDate } from "../shared/roadmap/time.ts";
import { configOf } from "./config.ts";
import { enqueueTelegramReplies } from "./outbox.ts";
import { publishedRoadmapRules } from "./store/content-settings.ts";
import { database } from "./store/db.ts";
import { peopleWithBirth, raiseDeadlineAlerts as insertDeadlineAlerts, recordReminders, reminderCandidates } from "./store/roadmap.ts";
import { setTelegramBlocked } from "./store/turns.ts";
import { telegramClient } from "./telegram-client.ts";

/** Roadmap jobs run by the one cron: Telegram reminders and "deadline" alerts. */

const DAY = 24 * 60 * 60 * 1000;

function profileOf(row: { birth: string | null; status: string | null; dept: string | null; enteredCare: string | null; permitExpiry: string | null }): Profile {
  const parsed = profileSchema().safeParse({
    birth: row.birth ?? undefined, status: row.status ?? undefined, dept: row.dept ?? undefined,
    enteredCare: row.enteredCare ?? undefined, permitExpiry: row.permitExpiry ?? undefined,
  });
  return parsed.success ? parsed.data : {};
}

/**
 * Sends each Telegram user the reminders due today, in one message, at most one a day,
 * never between 21:00 and 08:00 in Paris. A reminder is recorded BEFORE it is sent, so a
 * rerun (or a concurrent run) never sends it twice; a failed send goes to the retry queue.
 * `rules`: the published rules (scheduled.ts reads them once for both jobs), read here without.
 */
export async function sendDueReminders(env: Env, now: number, rules?: RoadmapRules): Promise<{ sent: number }> {
  const telegram = configOf(env).telegram;
  if (!telegram || isQuietHour(now)) return { sent: 0 };
  const db = database(env.DB);
  rules ??= await publishedRoadmapRules(db);
  const today = parisDate(now);
  const candidates = await reminderCandidates(db, now - DAY);
  const api = telegramClient(telegram);
  let sent = 0;
  for (const person of candidates) {
    const profile = profileOf(person);
    if (!profile.birth) continue;
    const steps = computeRoadmap(profile, rules, today, person.progress as Progress);
    const already = new Set(person.sent);
    const due = dueReminders(steps, settingsFor(rules, profile)).filter((r) => !already.has(`${r.stepId}/${r.kind}`));
    if (due.length === 0) continue;
    if (!(await recordReminders(db, person.youngId, due, now))) continue;
    const state: ConversationState = {
      youngId: person.youngId, locale: toLocale(person.locale), profile, cursor: { at: "menu" },
      openHelpRequests: 0, hasReferent: false,
    };
    const { unsent, error } = await sendReplies(api, person.chatId, [reminderReply(state, rules, steps, due)]);
    if (unsent.length === 0) sent++;
    else if (isBlockedError(error)) await setTelegramBlocked(db, person.chatId, true, new Date(now));
    else await enqueueTelegramReplies(env, person.chatId, unsent, error);
  }
  return { sent };
}

/**
 * Inserts a "deadline" alert for each step overdue by the configured delay, once per step:
 * pages of 500 people, each page's new alerts in one batch (steps already alerted are skipped
 * before any statement is built).
 */
export async function raiseDeadlineAlerts(env: Env, now: number, rules?: RoadmapRules): Promise<{ raised: string[] }> {
  const db = database(env.DB);
  rules ??= await publishedRoadmapRules(db);
  const today = parisDate(now);
  const raised: string[] = [];
  let after = "";
  for (;;) {
    const people = await peopleWithBirth(db, after);
    if (people.length === 0) break;
    const due: { youngId: string; stepId: string }[] = [];
    for (const person of people) {
      const profile = profileOf(person);
      const steps = computeRoadmap(profile, rules, today, person.progress);
      const alerted = new Set(person.alerted);
      for (const stepId of deadlineAlerts(steps, settingsFor(rules, profile))) {
        if (!alerted.has(stepId)) due.push({ youngId: person.youngId, stepId });
      }
    }
    raised.push(...(await insertDeadlineAlerts(db, due, now)));
    after = people[people.length - 1]!.youngId;
  }
  return { raised };
}
