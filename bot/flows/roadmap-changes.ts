import { roadmapChanges, type RoadmapChange, type RulesChange } from "../../shared/roadmap/changes.ts";

export type { RulesChange };
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { formatDay, parisDate } from "../../shared/roadmap/time.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect, Reply } from "../types.ts";
import { title, when } from "./roadmap.ts";

/** "Ton parcours a changé : …": what a publication of the rules changed for this young person. */
export function changeText(state: ConversationState, rules: RoadmapRules, changes: RoadmapChange[]): string {
  const lines = changes.map(({ step, before, kind }) => {
    const vars = {
      title: title(state, rules, step),
      when: when(state, step),
      before: before ? formatDay(before, state.locale) : say(state, "roadmapNoDate"),
    };
    return say(state, LINE[kind], vars);
  });
  return [say(state, "roadmapChangedIntro"), ...lines].join("\n");
}

const LINE = {
  added: "roadmapChangedAdded",
  moved: "roadmapChangedMoved",
  removed: "roadmapChangedRemoved",
} as const;

/** A publication is announced for this long after it, and never to people who arrived after it. */
export const CHANGE_NOTICE_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/** Recorded in reminders_sent when the notice was pushed (Telegram, WhatsApp, Web Push): once per publication. */
export function changeRecord(change: RulesChange): { stepId: string; kind: string } {
  return { stepId: `rules-${change.publishedAt}`, kind: "change" };
}

/** Recorded when the web chat showed it: the cron then pushes nothing more for that publication. */
export function changeShownRecord(change: RulesChange): { stepId: string; kind: string } {
  return { stepId: `rules-${change.publishedAt}`, kind: "shown" };
}

/**
 * The notice a web chat user sees at their next visit or turn (issue 21 §2), once per publication,
 * whether or not it was pushed to their phone meanwhile (a notification can go unseen, the chat
 * stays): only if they had a roadmap before the publication (they accepted the privacy notice
 * earlier), did not stop reminders, within the window, and the publication changed their roadmap.
 */
export function changeNotice(
  state: ConversationState,
  rules: RoadmapRules,
  change: RulesChange,
  now: Date,
): { reply: Reply; effect: Effect } | null {
  if (state.remindersOptOut || state.consentAt === undefined || state.consentAt >= change.publishedAt) return null;
  if (now.getTime() - change.publishedAt > CHANGE_NOTICE_DAYS * DAY) return null;
  const record = changeShownRecord(change);
  if ((state.remindersSent ?? []).includes(`${record.stepId}/${record.kind}`)) return null;
  const news = roadmapChanges(state.profile, change.previous, rules, parisDate(now), state.roadmapProgress ?? {});
  if (news.length === 0) return null;
  return {
    reply: reply(changeText(state, rules, news), [button(state, "roadmapButton", "roadmap")]),
    effect: { type: "remindersShown", reminders: [record] },
  };
}
