import type { Reply } from "../../shared/api.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import type { CrisisCategory } from "../safety/crisis.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect, TurnResult } from "../types.ts";
import { crisisAlertText } from "./crisis.ts";
import { noReferentHelp } from "./no-referent.ts";

/**
 * "Talk to my référent": an alert is stored now and delivered by the worker. With no référent
 * linked, the young person first reads who can help instead (bot/flows/no-referent.ts) and can
 * still save the request, with or without words, or link their référent.
 */

const HOUR = 60 * 60 * 1000;
/** Help and crisis alerts one person may raise in an hour (ALERTS_PER_PERSON_PER_HOUR). */
export const DEFAULT_ALERTS_PER_HOUR = 3;

/**
 * Why no alert may be raised for this person now, or null when one may: staff are alerted
 * only about someone who went past the first screens (or is linked to a référent), and at most
 * `perHour` times an hour, however the alert is asked for (button, typed crisis, help request).
 */
export type AlertRefusal = "onboarding" | "limit";

export function alertRefusal(state: ConversationState, now: Date, perHour: number): AlertRefusal | null {
  const started = state.cursor.at !== "onboarding" || state.cursor.editing === true;
  if (!state.hasReferent && state.consentAt === undefined && !started) return "onboarding";
  const recent = (state.recentAlerts ?? []).filter((at) => at > now.getTime() - HOUR).length;
  return recent >= perHour ? "limit" : null;
}

/** What the young person reads instead of an alert being sent. */
export function refusalReply(state: ConversationState, refusal: AlertRefusal): Reply {
  return reply(say(state, refusal === "limit" ? "alertLimit" : "contactNeedsStart"), [button(state, "menu", "menu")]);
}

export function askForContact(
  state: ConversationState,
  refusal: AlertRefusal | null,
  content: ContentSnapshot,
): TurnResult {
  if (refusal)
    return {
      state: { ...state, cursor: state.cursor.at === "contact" ? { at: "menu" } : state.cursor },
      replies: [refusalReply(state, refusal)],
      effects: [],
    };
  if (state.openHelpRequests > 0) {
    return {
      state: { ...state, cursor: { at: "menu" } },
      replies: [reply(say(state, "contactAlreadyOpen"), [button(state, "menu", "menu")])],
      effects: [],
    };
  }
  const ask = state.hasReferent
    ? reply(say(state, "contactAsk"), [
        button(state, "contactNoMessage", "contact:send"),
        button(state, "cancel", "menu"),
      ])
    : reply(`${noReferentHelp(state, content)}\n\n${say(state, "contactAskNoReferent")}`, [
        button(state, "contactSaveNoMessage", "contact:send"),
        button(state, "linkButton", "link"),
        button(state, "cancel", "menu"),
      ]);
  return { state: { ...state, cursor: { at: "contact" } }, replies: [ask], effects: [] };
}

/** Sends the help request, with the young person's own words if they wrote some. */
export function sendContact(state: ConversationState, refusal: AlertRefusal | null, message?: string): TurnResult {
  if (refusal)
    return { state: { ...state, cursor: { at: "menu" } }, replies: [refusalReply(state, refusal)], effects: [] };
  const next: ConversationState = { ...state, cursor: { at: "menu" }, openHelpRequests: state.openHelpRequests + 1 };
  const effect: Effect = { type: "raiseAlert", kind: "help", severity: "normal", ...(message ? { message } : {}) };
  const sent = state.hasReferent
    ? reply(say(state, "contactSent"), [button(state, "menu", "menu")])
    : reply(say(state, "contactSentNoReferent"), [button(state, "linkButton", "link"), button(state, "menu", "menu")]);
  return { state: next, replies: [sent], effects: [effect] };
}

/**
 * The young person asked, after a crisis answer, that their référent be told. The subject is
 * the engine's own category (checked by the action grammar and the offer), never client text.
 */
export function sendCrisisAlert(
  state: ConversationState,
  category: CrisisCategory,
  refusal: AlertRefusal | null,
): TurnResult {
  if (refusal)
    return { state: { ...state, cursor: { at: "menu" } }, replies: [refusalReply(state, refusal)], effects: [] };
  const text = crisisAlertText(state, category);
  return {
    state: { ...state, cursor: { at: "menu" } },
    replies: [reply(text, [button(state, "menu", "menu")])],
    effects: [{ type: "raiseAlert", kind: "crisis", severity: "high", subject: category }],
  };
}
