import type { Reply } from "../../shared/api.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect } from "../types.ts";

/** "Talk to my référent": an alert is stored now and delivered by the worker. */

type Result = { state: ConversationState; replies: Reply[]; effects: Effect[] };

export function askForContact(state: ConversationState): Result {
  if (state.openHelpRequests > 0) {
    return { state: { ...state, cursor: { at: "menu" } }, replies: [reply(say(state, "contactAlreadyOpen"), [button(state, "menu", "menu")])], effects: [] };
  }
  return {
    state: { ...state, cursor: { at: "contact" } },
    replies: [reply(say(state, "contactAsk"), [button(state, "contactNoMessage", "contact:send"), button(state, "cancel", "menu")])],
    effects: [],
  };
}

/** Sends the help request, with the young person's own words if they wrote some. */
export function sendContact(state: ConversationState, message?: string): Result {
  const next: ConversationState = { ...state, cursor: { at: "menu" }, openHelpRequests: state.openHelpRequests + 1 };
  const effect: Effect = { type: "raiseAlert", kind: "help", severity: "normal", ...(message ? { message } : {}) };
  const text = say(state, state.hasReferent ? "contactSent" : "contactSentNoReferent");
  return { state: next, replies: [reply(text, [button(state, "menu", "menu")])], effects: [effect] };
}

/** The young person asked, after a crisis answer, that their référent be told. */
export function sendCrisisAlert(state: ConversationState, category: string | undefined): Result {
  const text = say(state, state.hasReferent ? "contactSent" : "contactSentNoReferent");
  return {
    state: { ...state, cursor: { at: "menu" } },
    replies: [reply(text, [button(state, "menu", "menu")])],
    effects: [{ type: "raiseAlert", kind: "crisis", severity: "high", ...(category ? { subject: category } : {}) }],
  };
}
