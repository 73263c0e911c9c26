import type { ContentSnapshot } from "../shared/content/model.ts";
import { normalize } from "../shared/text/normalize.ts";
import { renderFaq, renderMenu, renderStep, renderTopic } from "./flows/browse.ts";
import { isSensitive, parseAction } from "./actions.ts";
import { alertRefusal, askForContact, DEFAULT_ALERTS_PER_HOUR, sendContact, sendCrisisAlert } from "./flows/contact.ts";
import { confirmDelete, deleteEverything, exportMyData, showMyData } from "./flows/data.ts";
import {
  answerStage,
  languageButtons,
  renderStage,
  startEditingProfile,
  typedStageAnswer,
} from "./flows/onboarding.ts";
import { linkAction, linkCodeEntered, notACode, seenNotice } from "./flows/link.ts";
import { answerCrisis } from "./flows/crisis.ts";
import { answerQuestion } from "./flows/question.ts";
import { noteMiss } from "./flows/miss.ts";
import { currentRoadmapScreen, pendingReminders, roadmapAction } from "./flows/roadmap.ts";
import { changeNotice, type RulesChange } from "./flows/roadmap-changes.ts";
import { EMPTY_ROADMAP_RULES, type RoadmapRules } from "../shared/roadmap/rules.ts";
import { isOffered, nextOffers } from "./offers.ts";
import { listLetters, makeLetterNow, openLetter } from "./letters/flow.ts";
import { reply, say } from "./render.ts";
import { detectCrisis } from "./safety/crisis.ts";
import type { ConversationState } from "./state.ts";
import type { Effect, Input, Reply, TurnResult } from "./types.ts";

/**
 * `roadmapRules`: the published rules (worker/roadmap-rules.ts); without them, no roadmap steps.
 * `alertsPerHour`: help and crisis alerts one person may raise in an hour.
 * `profileRetentionDays`: a silent profile is deleted after this (said in "Mes données").
 * `rulesChange`: the latest publication of the rules and what it replaced, given for web chat
 * users (Telegram and WhatsApp users are told by the cron): its notice is shown once.
 */
export type EngineOptions = {
  crisisAutoAlert?: boolean;
  roadmapRules?: RoadmapRules;
  rulesChange?: RulesChange | null;
  alertsPerHour?: number;
  profileRetentionDays?: number;
};

/** What every flow of one turn may read: content, clock and the Département's settings. */
type Turn = {
  content: ContentSnapshot;
  now: Date;
  rules: RoadmapRules;
  crisisAutoAlert: boolean;
  alertsPerHour: number;
  profileRetentionDays: number;
};

const HOUR = 60 * 60 * 1000;
/** PROFILE_RETENTION_DAYS's default (worker/config.ts). */
const DEFAULT_PROFILE_RETENTION_DAYS = 365;

/**
 * The conversation engine: one input in, replies and effects out. Pure: no I/O, no clock
 * but `now`, the same for every channel. After the turn it remembers the sensitive buttons
 * it offered (bot/offers.ts) and when alerts were raised (the cap per hour), in the state.
 */
export function handle(
  state: ConversationState,
  input: Input,
  content: ContentSnapshot,
  now: Date,
  options: EngineOptions = {},
): TurnResult {
  const turn: Turn = {
    content,
    now,
    rules: options.roadmapRules ?? EMPTY_ROADMAP_RULES,
    crisisAutoAlert: options.crisisAutoAlert ?? false,
    alertsPerHour: options.alertsPerHour ?? DEFAULT_ALERTS_PER_HOUR,
    profileRetentionDays: options.profileRetentionDays ?? DEFAULT_PROFILE_RETENTION_DAYS,
  };
  const r = withChangeNotice(input, respond(state, input, turn), turn, options.rulesChange);
  const used = input.kind === "action" && isSensitive(input.action) ? input.action : null;
  const offers = nextOffers(state, used, r.replies, now, r.notes);
  const raised = r.effects.filter((e) => e.type === "raiseAlert").map(() => now.getTime());
  const recentAlerts = [...(state.recentAlerts ?? []).filter((at) => at > now.getTime() - HOUR), ...raised];
  const next: ConversationState = {
    ...r.state,
    ...(offers.length > 0 || state.offers ? { offers } : {}),
    ...(recentAlerts.length > 0 || state.recentAlerts ? { recentAlerts } : {}),
  };
  return { ...r, state: next };
}

function respond(state: ConversationState, input: Input, turn: Turn): TurnResult {
  // A référent acknowledged an alert since the last visit: say so first, once.
  if ((state.alertsSeen ?? 0) > 0 && input.kind !== "linkCode") {
    const r = respond({ ...state, alertsSeen: 0 }, input, turn);
    return { ...r, replies: [seenNotice(state), ...r.replies], effects: [...r.effects, { type: "alertsSeenShown" }] };
  }
  if (input.kind === "linkCode") return linkCodeEntered(state, input.code, input.referentName, input.confirm);
  if (input.kind === "start") return start(state, turn);
  if (input.kind === "action") return onAction(state, input.action, turn);
  if (input.kind === "media")
    return result(state, [reply(say(state, MEDIA_TEXT[input.media])), currentScreen(state, turn)]);
  return onText(state, input.text, turn);
}

/**
 * A roadmap change not yet shown to this web chat user: on a visit (start, "menu") before the
 * menu, on any other turn before the answer. Never during onboarding, a crisis, a letter being
 * made or a deletion: it waits for the next turn.
 */
function withChangeNotice(input: Input, r: TurnResult, turn: Turn, change: RulesChange | null | undefined): TurnResult {
  if (!change || r.replies.length === 0 || isOnboarding(r.state)) return r;
  if (r.effects.some((e) => e.type === "deleteMyData" || e.type === "makeLetter" || e.type === "raiseAlert")) return r;
  const notice = changeNotice(r.state, turn.rules, change, turn.now);
  if (!notice || (input.kind === "text" && detectCrisis(input.text))) return r;
  const visit = input.kind === "start" || (input.kind === "action" && input.action === "menu");
  const replies = visit
    ? [...r.replies.slice(0, -1), notice.reply, ...r.replies.slice(-1)]
    : [notice.reply, ...r.replies];
  return { ...r, replies, effects: [...r.effects, notice.effect] };
}

const MEDIA_TEXT = { document: "mediaDocument", voice: "mediaVoice", other: "mediaOther" } as const;

function result(state: ConversationState, replies: Reply[], effects: Effect[] = []): TurnResult {
  return { state, replies, effects };
}

function isOnboarding(state: ConversationState): boolean {
  return state.cursor.at === "onboarding" && state.cursor.editing !== true;
}

function start(state: ConversationState, turn: Turn): TurnResult {
  const { content, now } = turn;
  if (isOnboarding(state)) {
    const next: ConversationState = { ...state, cursor: { at: "onboarding", stage: "language" } };
    return result(
      next,
      [reply(say(next, "welcome")), renderStage(next, "language", now)],
      [{ type: "track", event: "onboarding", key: "start" }],
    );
  }
  const next: ConversationState = { ...state, cursor: { at: "menu" } };
  const pending = pendingReminders(next, turn.rules, now);
  return result(next, [reply(say(next, "welcome")), ...pending.replies, renderMenu(next, content)], pending.effects);
}

/** The screen the young person was on, shown again after an answer or an unknown button. */
function currentScreen(state: ConversationState, turn: Turn): Reply {
  const { content, now } = turn;
  const cursor = state.cursor;
  switch (cursor.at) {
    case "onboarding":
      return renderStage(state, cursor.stage, now);
    case "topic": {
      const topic = content.topics.find((t) => t.id === cursor.topicId);
      return topic ? renderTopic(state, content, topic) : renderMenu(state, content);
    }
    case "step": {
      const step = content.steps.find((s) => s.id === cursor.stepId);
      return step ? renderStep(state, content, step) : renderMenu(state, content);
    }
    case "faq": {
      const faq = content.faqs.find((f) => f.id === cursor.faqId);
      return faq ? renderFaq(state, content, faq) : renderMenu(state, content);
    }
    case "roadmap":
      return currentRoadmapScreen(state, content, turn.rules, now);
    case "letter":
      return openLetter(state, content, cursor.purpose)?.replies[0] ?? renderMenu(state, content);
    default:
      return renderMenu(state, content);
  }
}

/** A button the engine does not offer (any more): said plainly, then where they are. */
function stale(state: ConversationState, turn: Turn): TurnResult {
  return result(state, [reply(say(state, "actionExpired")), currentScreen(state, turn)]);
}

function onAction(state: ConversationState, raw: string, turn: Turn): TurnResult {
  const { content, now } = turn;
  const action = parseAction(raw);
  // Outside the grammar, or a sensitive button this person was not offered (or used already).
  if (!action || (isSensitive(raw) && !isOffered(state, raw, now))) return stale(state, turn);
  const [name, arg] = action;

  const staged = answerStage(state, name, arg, content, now);
  if (staged) {
    const effects: Effect[] = [...staged.effects];
    if (staged.state.cursor.at === "onboarding")
      effects.push({ type: "track", event: "onboarding", key: staged.state.cursor.stage });
    else if (isOnboarding(state)) effects.push({ type: "track", event: "onboarding", key: "done" });
    return { ...staged, effects };
  }

  switch (action[0]) {
    case "menu": {
      // A returning web user opens with "menu": reminders due since their last visit come first.
      const pending = pendingReminders(state, turn.rules, now);
      return result(
        { ...state, cursor: { at: "menu" } },
        [...pending.replies, renderMenu(state, content)],
        pending.effects,
      );
    }
    case "roadmap":
      return roadmapAction(state, action.slice(1), content, turn.rules, now);
    case "letter": {
      if (action[1] === undefined) return listLetters(state, content);
      if (action[2] === "blank") return makeLetterNow(state, content, action[1]);
      const opened = openLetter(state, content, action[1]);
      if (opened) return opened;
      break;
    }
    case "back":
      return back(state, content);
    case "topic": {
      const topic = content.topics.find((t) => t.id === action[1]);
      if (!topic) break;
      return result(
        { ...state, cursor: { at: "topic", topicId: topic.id } },
        [renderTopic(state, content, topic)],
        [{ type: "track", event: "topic", key: topic.id }],
      );
    }
    case "step": {
      const step = content.steps.find((s) => s.id === action[1]);
      if (!step) break;
      return result(
        { ...state, cursor: { at: "step", stepId: step.id } },
        [renderStep(state, content, step)],
        [{ type: "track", event: "step", key: step.id }],
      );
    }
    case "faq": {
      const faq = content.faqs.find((f) => f.id === action[1]);
      if (!faq) break;
      return result(
        { ...state, cursor: { at: "faq", faqId: faq.id } },
        [renderFaq(state, content, faq)],
        [{ type: "track", event: "faq", key: faq.id }],
      );
    }
    case "contact": {
      const refusal = alertRefusal(state, now, turn.alertsPerHour);
      return action[1] === "send" ? sendContact(state, refusal) : askForContact(state, refusal, content);
    }
    case "miss":
      return noteMiss(state, raw, action[1], action[2], content, now);
    case "alert":
      return sendCrisisAlert(state, action[1], alertRefusal(state, now, turn.alertsPerHour));
    case "link":
      return linkAction(state, action[1]);
    case "data":
      return action[1] === "export" ? exportMyData(state) : showMyData(state, turn.profileRetentionDays);
    case "delete":
      return action[1] === "yes" ? deleteEverything(state) : confirmDelete(state);
    case "profile":
      return startEditingProfile(state, now);
    case "lang": {
      const locale = action[1];
      if (!locale) return result(state, [reply(say(state, "chooseLanguage"), languageButtons(state.locale))]);
      const next = { ...state, locale };
      return result(isOnboarding(state) ? next : { ...next, cursor: { at: "menu" } }, [
        isOnboarding(state) ? currentScreen(next, turn) : renderMenu(next, content),
      ]);
    }
  }
  // Well-formed, but not for this step (a removed topic, an onboarding answer after it).
  return stale(state, turn);
}

function back(state: ConversationState, content: ContentSnapshot): TurnResult {
  const cursor = state.cursor;
  if (cursor.at === "step" || cursor.at === "faq") {
    const topicId =
      cursor.at === "step"
        ? content.steps.find((s) => s.id === cursor.stepId)?.topicId
        : content.faqs.find((f) => f.id === cursor.faqId)?.topicId;
    const topic = content.topics.find((t) => t.id === topicId);
    if (topic)
      return result({ ...state, cursor: { at: "topic", topicId: topic.id } }, [renderTopic(state, content, topic)]);
  }
  return result({ ...state, cursor: { at: "menu" } }, [renderMenu(state, content)]);
}

const WORD_ACTIONS: Record<string, string> = {
  menu: "menu",
  accueil: "menu",
  home: "menu",
  retour: "back",
  back: "back",
  bonjour: "hello",
  salut: "hello",
  slt: "hello",
  hello: "hello",
  hi: "hello",
  coucou: "hello",
  salam: "hello",
  lettre: "letter",
  lettres: "letter",
  letter: "letter",
  letters: "letter",
  relier: "link",
  "relier mon referent": "link",
  code: "link",
  link: "link",
  delier: "link:unlink",
  unlink: "link:unlink",
};

function onText(state: ConversationState, text: string, turn: Turn): TurnResult {
  const { content, now } = turn;
  // Safety first, before any other reading of the text.
  const crisis = detectCrisis(text);
  if (crisis) {
    const r = answerCrisis(state, crisis, now, turn.crisisAutoAlert, alertRefusal(state, now, turn.alertsPerHour));
    return result(state, r.replies, r.effects);
  }

  if (state.cursor.at === "contact")
    return sendContact(state, alertRefusal(state, now, turn.alertsPerHour), text.trim().slice(0, 1000));

  // The name and address for the letter chosen (the crisis check above ran first).
  if (state.cursor.at === "letter" && !WORD_ACTIONS[normalize(text)])
    return makeLetterNow(state, content, state.cursor.purpose, text);

  // A usable-looking code was turned into a `linkCode` input by the worker already.
  if (state.cursor.at === "link" && !WORD_ACTIONS[normalize(text)]) return notACode(state);

  const normalized = normalize(text);
  const typed = typedStageAnswer(state, normalized);
  if (typed) return onAction(state, `${typed.name}:${typed.arg}`, turn);

  const word = WORD_ACTIONS[normalized];
  if (word === "hello") return start(state, turn);
  if (word) return onAction(state, word, turn);

  const answer = answerQuestion(state, text, content);
  const replies = [...answer.replies];
  // Answered before the profile was done: pick the conversation up where it was.
  if (state.cursor.at === "onboarding") replies.push(reply(say(state, "resume")), currentScreen(state, turn));
  return { ...result(state, replies, answer.effects), ...(answer.notes ? { notes: answer.notes } : {}) };
}
