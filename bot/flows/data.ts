import type { Reply } from "../../shared/api.ts";
import { LOCALE_NAMES } from "../../shared/locales.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect } from "../types.ts";
import { monthNames } from "./onboarding.ts";

/** "My data": see everything stored, change it, or delete it all. */

type Result = { state: ConversationState; replies: Reply[]; effects: Effect[] };

const STATUS_LABELS = { ase: "statusAse", left_ase: "statusLeftAse", mna: "statusMna", other: "statusOther" } as const;
const DEPT_LABELS = { "44": "dept44", "49": "dept49", other: "deptOther" } as const;

export function showMyData(state: ConversationState): Result {
  const { birth, status, dept } = state.profile;
  const none = say(state, "notGiven");
  const birthText = birth ? `${monthNames(state)[Number(birth.slice(5, 7)) - 1]} ${birth.slice(0, 4)}` : none;
  const summary = say(state, "dataSummary", {
    locale: LOCALE_NAMES[state.locale],
    birth: birthText,
    status: status ? say(state, STATUS_LABELS[status]) : none,
    dept: dept ? say(state, DEPT_LABELS[dept]) : none,
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

export function confirmDelete(state: ConversationState): Result {
  return {
    state: { ...state, cursor: { at: "data" } },
    replies: [reply(say(state, "deleteConfirm"), [button(state, "deleteYes", "delete:yes"), button(state, "cancel", "data")])],
    effects: [],
  };
}

export function deleteEverything(state: ConversationState): Result {
  return { state, replies: [reply(say(state, "deleted"))], effects: [{ type: "deleteMyData" }] };
}
