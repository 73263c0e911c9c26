import { reminderReply } from "../bot/flows/roadmap.ts";
import type { ConversationState } from "../bot/state.ts";
import { isRtl, toLocale } from "../shared/locales.ts";
import type { WebPushMessage } from "./push/send.ts";
import { profileFromColumns } from "../shared/profile.ts";
import {
  computeRoadmap,
  deadlineAlerts,
  dueReminders,
  hasDatedAnchor,
  settingsFor,
} from "../shared/roadmap/compute.ts";
import type { RoadmapRules } from "../shared/roadmap/rules.ts";
import { parisDate } from "../shared/roadmap/time.ts";
import type { TelegramRepliesMessage } from "./telegram/outbox.ts";
import type { Db } from "./store/db.ts";
import { clip, insideServiceWindow, renderReplies } from "../bot/whatsapp.ts";
import type { Reply } from "../bot/types.ts";
import { t } from "../shared/i18n/index.ts";
import type { Locale } from "../shared/locales.ts";
import { configOf, type WhatsAppTemplate } from "./config.ts";
import { template, type WhatsAppMessages } from "./whatsapp/outbox.ts";
import {
  peopleWithDates,
  raiseDeadlineAlerts,
  recordReminderPage,
  reminderCandidates,
  type ReminderCandidate,
} from "./store/roadmap.ts";
import { roadmapChanges, type RoadmapChange, type RulesChange } from "../shared/roadmap/changes.ts";
import { CHANGE_NOTICE_DAYS, changeRecord, changeShownRecord, changeText } from "../bot/flows/roadmap-changes.ts";
import type { RoadmapStep } from "../shared/roadmap/compute.ts";

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

/**
 * The reminders due today to one page of Telegram users, in one message each, at most one a
 * day. Recorded BEFORE they are queued, so a rerun (or a concurrent run) never sends one twice;
 * the queue consumer sends them (worker/telegram/outbox.ts: retries, a blocked bot marked). `paced`:
 * messages this invocation already queued; the k-th is delayed by k / REMINDERS_PER_SECOND s.
 */
export async function reminderPage(
  env: Env,
  db: Db,
  now: number,
  rules: RoadmapRules,
  after: string,
  paced: number,
  change: RulesChange | null = null,
): Promise<PageOutcome> {
  const today = parisDate(now);
  const config = configOf(env);
  const webActiveSince = now - config.retention.WEB_SESSION_IDLE_DAYS * DAY;
  const people = await reminderCandidates(db, now - DAY, REMINDER_PAGE, after, webActiveSince);
  const due = [];
  for (const person of people) {
    const profile = profileFromColumns(person);
    if (!hasDatedAnchor(profile)) continue;
    const steps = computeRoadmap(profile, rules, today, person.progress);
    const already = new Set(person.sent);
    const reminders = dueReminders(steps, settingsFor(rules, profile)).filter(
      (r) => !already.has(`${r.stepId}/${r.kind}`),
    );
    const news = changesFor(change, person, rules, today, now, already);
    if (reminders.length > 0 || news.length > 0) due.push({ person, profile, steps, reminders, news });
  }
  const recorded = await recordReminderPage(
    db,
    due.map((d) => ({
      youngId: d.person.youngId,
      channel: d.person.channel,
      // The notice is recorded like a reminder: once per publication, whatever happens next.
      reminders: d.news.length > 0 && change ? [...d.reminders, changeRecord(change)] : d.reminders,
    })),
    now,
  );
  const whatsapp = config.whatsapp;
  const messages = due
    .filter((d) => recorded.has(d.person.youngId))
    .map(({ person, profile, steps, reminders, news }, k) => {
      const state: ConversationState = {
        youngId: person.youngId,
        locale: toLocale(person.locale),
        profile,
        cursor: { at: "menu" },
        openHelpRequests: 0,
        hasReferent: false,
      };
      const reply = noticeReply(state, rules, steps, reminders, news);
      const body =
        person.channel === "web"
          ? webPushReminder(person.youngId, state.locale, reply)
          : person.channel === "whatsapp" && whatsapp
            ? whatsappReminder(
                whatsapp.templates.reminder,
                person.chatId,
                state.locale,
                reply,
                insideServiceWindow(new Date(person.lastActiveAt), new Date(now)),
              )
            : ({
                type: "telegram_replies",
                chatId: person.chatId,
                replies: [reply],
                attempt: 1,
              } satisfies TelegramRepliesMessage);
      return { body, delaySeconds: Math.floor((paced + k) / REMINDERS_PER_SECOND) };
    });
  for (let i = 0; i < messages.length; i += QUEUE_BATCH)
    await env.DELIVERIES.sendBatch(messages.slice(i, i + QUEUE_BATCH));
  return {
    next: people.length === REMINDER_PAGE ? people[people.length - 1]!.youngId : null,
    queued: messages.length,
    raised: 0,
  };
}

/**
 * A web chat reminder, as a notification: the reminder's own lines, in their language, that
 * open the chat when tapped (worker/routes/pwa.tsx's service worker shows it).
 */
function webPushReminder(youngId: string, locale: Locale, reply: Reply): WebPushMessage {
  return {
    type: "web_push",
    youngId,
    notification: {
      title: "Passerelle",
      body: clip(reply.text, 1000),
      lang: locale,
      dir: isRtl(locale) ? "rtl" : "ltr",
    },
    attempt: 1,
  };
}

/**
 * A WhatsApp reminder: the same message as on Telegram inside the 24-hour window (and the
 * template if WhatsApp says the window closed meanwhile); outside it, the approved template with
 * the reminder's lines as its one parameter (Meta refuses line breaks in parameters).
 */
function whatsappReminder(
  reminder: WhatsAppTemplate,
  to: string,
  locale: Locale,
  reply: Reply,
  open: boolean,
): WhatsAppMessages {
  const lines = reply.text
    .split("\n")
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" · ");
  const fallback = template(reminder, locale, [clip(lines || reply.text.replace(/\s+/g, " "), 900)]);
  const messages = open
    ? renderReplies([reply], { chooseButton: t(locale, "whatsappChoose"), more: t(locale, "whatsappMore") })
    : [fallback];
  return { type: "whatsapp_messages", to, locale, messages, fallback, attempt: 1 };
}

/** A "deadline" alert for each step of one page of people overdue by the configured delay, once per step. */
export async function deadlinePage(db: Db, now: number, rules: RoadmapRules, after: string): Promise<PageOutcome> {
  const today = parisDate(now);
  const people = await peopleWithDates(db, after, DEADLINE_PAGE);
  const due: { youngId: string; stepId: string }[] = [];
  for (const person of people) {
    const profile = profileFromColumns(person);
    const steps = computeRoadmap(profile, rules, today, person.progress);
    const alerted = new Set(person.alerted);
    for (const stepId of deadlineAlerts(steps, settingsFor(rules, profile))) {
      if (!alerted.has(stepId)) due.push({ youngId: person.youngId, stepId });
    }
  }
  const raised = await raiseDeadlineAlerts(db, due, now);
  return {
    next: people.length === DEADLINE_PAGE ? people[people.length - 1]!.youngId : null,
    queued: 0,
    raised: raised.length,
  };
}

/**
 * Roadmap change notices (issue 21 §2): after the content team publishes new rules, each young
 * person whose roadmap they change (a step added, a date moved, a step gone) is told once, with
 * their next reminder page: same channel (Web Push for a web chat user who opted in), quiet
 * hours, one message a day and pacing as the reminders. Only people who had accepted the privacy
 * notice before the publication (the chat's rule too: someone who arrived later saw the new roadmap
 * first), and only for CHANGE_NOTICE_DAYS after it; not pushed to a web chat user who
 * already saw it in the chat (bot/flows/roadmap-changes.ts).
 */
function changesFor(
  change: RulesChange | null,
  person: ReminderCandidate,
  rules: RoadmapRules,
  today: string,
  now: number,
  already: Set<string>,
): RoadmapChange[] {
  if (
    !change ||
    person.consentAt === null ||
    person.consentAt >= change.publishedAt ||
    now - change.publishedAt > CHANGE_NOTICE_DAYS * DAY
  )
    return [];
  const pushed = changeRecord(change);
  const shown = changeShownRecord(change);
  if (already.has(`${pushed.stepId}/${pushed.kind}`) || already.has(`${shown.stepId}/${shown.kind}`)) return [];
  return roadmapChanges(profileFromColumns(person), change.previous, rules, today, person.progress);
}

/** One message: what changed, then the reminders due, with the reminders' buttons. */
function noticeReply(
  state: ConversationState,
  rules: RoadmapRules,
  steps: RoadmapStep[],
  reminders: { stepId: string; kind: string }[],
  news: RoadmapChange[],
): Reply {
  const reminder = reminderReply(state, rules, steps, reminders);
  if (news.length === 0) return reminder;
  const text = changeText(state, rules, news);
  return { ...reminder, text: reminders.length > 0 ? `${text}\n\n${reminder.text}` : text };
}
