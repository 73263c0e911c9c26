import { LOCALE_NAMES } from "../../shared/locales.ts";
import { DEPT_KEYS, STATUS_KEYS } from "../../shared/profile.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { TurnResult } from "../types.ts";
import { monthNames } from "./onboarding.ts";

/** "My data": see everything stored, change it, or delete it all. */


export function showMyData(state: ConversationState): TurnResult {
  const { birth, status, dept } = state.profile;
  const none = say(state, "notGiven");
  const birthText = birth ? `${monthNames(state)[Number(birth.slice(5, 7)) - 1]} ${birth.slice(0, 4)}` : none;
  const summary = say(state, "dataSummary", {
    locale: LOCALE_NAMES[state.locale],
    birth: birthText,
    status: status ? say(state, STATUS_KEYS[status]) : none,
    dept: dept ? say(state, DEPT_KEYS[dept]) : none,
    alerts: state.openHelpRequests,
  });
  return {
    state: { ...state, cursor: { at: "data" } },
    replies: [
      reply(summary, [
        button(state, "editProfile", "profile"),
        button(state, "deleteMyData", "delete"),
        button(state, "menu", "menu"),
      ]),
    ],
    effects: [],
  };
}

export function confirmDelete(state: ConversationState): TurnResult {
  return {
    state: { ...state, cursor: { at: "data" } },
    replies: [reply(say(state, "deleteConfirm"), [button(state, "deleteYes", "delete:yes"), button(state, "cancel", "data")])],
    effects: [],
  };
}

export function deleteEverything(state: ConversationState): TurnResult {
  return { state, replies: [reply(say(state, "deleted"))], effects: [{ type: "deleteMyData" }] };
}
