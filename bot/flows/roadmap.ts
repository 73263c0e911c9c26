import type { Button, Reply } from "../../shared/api.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import {
  computeRoadmap,
  dueReminders,
  hasDatedAnchor,
  settingsFor,
  type ProgressMark,
  type RoadmapStep,
} from "../../shared/roadmap/compute.ts";
import { ruleText, STEP_STATE_KEYS } from "../../shared/roadmap/present.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { formatDay, parisDate } from "../../shared/roadmap/time.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect, TurnResult } from "../types.ts";
import { letterButtons } from "../letters/flow.ts";

/**
 * "Mon parcours": the next steps of the personal roadmap, 3 at a time, each with its date and
 * why it matters; a step can be opened, marked done or "not for me"; reminders can be stopped.
 */

export const PAGE_SIZE = 3;

function stepsOf(state: ConversationState, rules: RoadmapRules, now: Date): RoadmapStep[] {
  return computeRoadmap(state.profile, rules, parisDate(now), state.roadmapProgress ?? {});
}

export function title(state: ConversationState, rules: RoadmapRules, step: RoadmapStep): string {
  return ruleText(step.rule.title, state.locale, settingsFor(rules, state.profile)).text;
}

export function when(state: ConversationState, step: RoadmapStep): string {
  if (step.due) return say(state, "roadmapDue", { date: formatDay(step.due, state.locale) });
  if (step.opens) return say(state, "roadmapOpens", { date: formatDay(step.opens, state.locale) });
  return say(state, "roadmapNoDate");
}

function remindersButton(state: ConversationState): Button {
  return state.remindersOptOut
    ? button(state, "remindersStart", "roadmap:remind:on")
    : button(state, "remindersStop", "roadmap:remind:off");
}

/** The list: up to 3 steps from `page`, with "see more" for the rest. */
export function renderRoadmapList(state: ConversationState, rules: RoadmapRules, now: Date, page = 0): Reply {
  const steps = stepsOf(state, rules, now);
  const settings = settingsFor(rules, state.profile);
  const parts: string[] = [say(state, "roadmapTitle")];
  const incomplete = !state.profile.birth || !state.profile.status;
  if (incomplete) parts.push(say(state, "roadmapNeedProfile"));
  const start = Math.min(Math.max(0, page), Math.max(0, Math.ceil(steps.length / PAGE_SIZE) - 1)) * PAGE_SIZE;
  const shown = steps.slice(start, start + PAGE_SIZE);
  if (shown.length === 0) parts.push(say(state, rules.steps.length === 0 ? "roadmapUnavailable" : "roadmapEmpty"));
  shown.forEach((step, i) => {
    parts.push(
      `${start + i + 1}. ${title(state, rules, step)}\n${say(state, STEP_STATE_KEYS[step.state])} · ${when(state, step)}\n${ruleText(step.rule.why, state.locale, settings).text}`,
    );
  });
  const buttons: Button[] = shown.map((step) => ({
    label: `📌 ${title(state, rules, step)}`,
    action: `roadmap:open:${step.id}`,
  }));
  if (start + PAGE_SIZE < steps.length)
    buttons.push(button(state, "roadmapMore", `roadmap:page:${start / PAGE_SIZE + 1}`));
  if (incomplete) buttons.push(button(state, "roadmapFillProfile", "profile"));
  buttons.push(remindersButton(state), button(state, "menu", "menu"));
  return reply(parts.join("\n\n"), buttons);
}

/** One step: why, documents, sources; done / not for me / learn more. */
export function renderRoadmapStep(
  state: ConversationState,
  content: ContentSnapshot,
  rules: RoadmapRules,
  now: Date,
  stepId: string,
  page = 0,
): Reply | null {
  const step = stepsOf(state, rules, now).find((s) => s.id === stepId);
  if (!step) return null;
  const settings = settingsFor(rules, state.profile);
  const text = (value: Parameters<typeof ruleText>[0]) => ruleText(value, state.locale, settings).text;
  const parts = [
    `📌 ${title(state, rules, step)}`,
    `${say(state, STEP_STATE_KEYS[step.state])} · ${when(state, step)}`,
    `${say(state, "roadmapWhy")}\n${text(step.rule.why)}`,
  ];
  if (step.rule.documents) parts.push(`${say(state, "roadmapDocuments")}\n${text(step.rule.documents)}`);
  if (step.rule.sources.length > 0)
    parts.push(
      `${say(state, "sourcesTitle")} ${step.rule.sources.map((s) => (s.url ? `${s.label} (${s.url})` : s.label)).join(" ; ")}`,
    );
  const buttons: Button[] = [];
  if (step.state === "done") buttons.push(button(state, "roadmapUndo", `roadmap:undo:${step.id}`));
  else
    buttons.push(
      button(state, "roadmapMarkDone", `roadmap:done:${step.id}`),
      button(state, "roadmapMarkSkip", `roadmap:skip:${step.id}`),
    );
  const contentStep = step.rule.contentStepId ? content.steps.find((s) => s.id === step.rule.contentStepId) : undefined;
  if (contentStep) buttons.push(button(state, "roadmapLearnMore", `step:${contentStep.id}`));
  buttons.push(...letterButtons(state, content, step.id));
  buttons.push(button(state, "roadmapButton", `roadmap:page:${page}`), button(state, "menu", "menu"));
  return reply(parts.join("\n\n"), buttons);
}

function withProgress(state: ConversationState, stepId: string, mark: ProgressMark | null): ConversationState {
  const progress = { ...(state.roadmapProgress ?? {}) };
  if (mark) progress[stepId] = mark;
  else delete progress[stepId];
  return { ...state, roadmapProgress: progress };
}

/** Handles "roadmap[:verb:arg]" actions. */
export function roadmapAction(
  state: ConversationState,
  args: string[],
  content: ContentSnapshot,
  rules: RoadmapRules,
  now: Date,
): TurnResult {
  const [verb, arg = ""] = args;
  const page = state.cursor.at === "roadmap" ? (state.cursor.page ?? 0) : 0;
  const known = rules.steps.some((s) => s.id === arg);
  const list = (next: ConversationState, p: number, before: Reply[] = [], effects: Effect[] = []): TurnResult => ({
    state: { ...next, cursor: { at: "roadmap", page: p } },
    replies: [...before, renderRoadmapList(next, rules, now, p)],
    effects,
  });

  if (verb === "page") {
    const p = Number(arg);
    return list(state, Number.isInteger(p) && p >= 0 ? p : 0);
  }
  if (verb === "open" && known) {
    const shown = renderRoadmapStep(state, content, rules, now, arg, page);
    if (shown)
      return {
        state: { ...state, cursor: { at: "roadmap", page, stepId: arg } },
        replies: [shown],
        effects: [{ type: "track", event: "roadmap_step", key: arg }],
      };
  }
  if ((verb === "done" || verb === "skip") && known) {
    const mark = verb === "done" ? "done" : "skipped";
    const next = withProgress(state, arg, mark);
    const confirm = reply(say(state, mark === "done" ? "roadmapMarkedDone" : "roadmapMarkedSkipped"), [
      button(state, "roadmapUndo", `roadmap:undo:${arg}`),
    ]);
    return list(next, page, [confirm], [{ type: "roadmapProgress", stepId: arg, mark }]);
  }
  if (verb === "undo" && known) {
    const next = withProgress(state, arg, null);
    return list(
      next,
      page,
      [reply(say(state, "roadmapRestored"))],
      [{ type: "roadmapProgress", stepId: arg, mark: null }],
    );
  }
  if (verb === "remind" && (arg === "on" || arg === "off")) {
    const next = { ...state, remindersOptOut: arg === "off" };
    return list(
      next,
      page,
      [reply(say(state, arg === "off" ? "remindersStopped" : "remindersStarted"))],
      [{ type: "setRemindersOptOut", optOut: arg === "off" }],
    );
  }
  return list(state, 0, [], verb === undefined ? [{ type: "track", event: "roadmap" }] : []);
}

/** The screen to show again when the cursor is in the roadmap. */
export function currentRoadmapScreen(
  state: ConversationState,
  content: ContentSnapshot,
  rules: RoadmapRules,
  now: Date,
): Reply {
  const cursor = state.cursor;
  const page = cursor.at === "roadmap" ? (cursor.page ?? 0) : 0;
  if (cursor.at === "roadmap" && cursor.stepId) {
    const shown = renderRoadmapStep(state, content, rules, now, cursor.stepId, page);
    if (shown) return shown;
  }
  return renderRoadmapList(state, rules, now, page);
}

/**
 * Reminders due and not yet given (web users see them at their next visit; Telegram users
 * get them from the cron): one reply, and an effect so they are not shown twice.
 */
export function pendingReminders(
  state: ConversationState,
  rules: RoadmapRules,
  now: Date,
): { replies: Reply[]; effects: Effect[] } {
  if (state.remindersOptOut || !hasDatedAnchor(state.profile)) return { replies: [], effects: [] };
  const steps = stepsOf(state, rules, now);
  const sent = new Set(state.remindersSent ?? []);
  const due = dueReminders(steps, settingsFor(rules, state.profile)).filter((r) => !sent.has(`${r.stepId}/${r.kind}`));
  if (due.length === 0) return { replies: [], effects: [] };
  return {
    replies: [reminderReply(state, rules, steps, due)],
    effects: [{ type: "remindersShown", reminders: due }],
  };
}

/** The reminder message (also sent by the cron to Telegram users). */
export function reminderReply(
  state: ConversationState,
  rules: RoadmapRules,
  steps: RoadmapStep[],
  due: { stepId: string; kind: string }[],
): Reply {
  const lines = due.map((r) => {
    const step = steps.find((s) => s.id === r.stepId)!;
    const vars = { title: title(state, rules, step), date: step.due ? formatDay(step.due, state.locale) : "" };
    return say(state, r.kind === "overdue" ? "reminderOverdueLine" : "reminderLine", vars);
  });
  return reply([say(state, "reminderIntro"), ...lines].join("\n"), [
    button(state, "roadmapButton", "roadmap"),
    button(state, "remindersStop", "roadmap:remind:off"),
  ]);
}
