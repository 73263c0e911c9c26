import type { Reply } from "../../shared/api.ts";
import { t } from "../../shared/i18n/index.ts";
import { LOCALE_NAMES, type Locale } from "../../shared/locales.ts";
import { DEPT_KEYS, STATUS_KEYS } from "../../shared/profile.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { TurnResult } from "../types.ts";
import { monthNames } from "./onboarding.ts";

/**
 * "Mes données": what is stored and why in plain words, a file with everything (Telegram sends
 * it as a document, the web chat downloads it), change it, or delete it all after a confirmation
 * that says it cannot be undone.
 */
export function showMyData(state: ConversationState, retentionDays: number): TurnResult {
  const { birth, status, dept, enteredCare, permitExpiry } = state.profile;
  const none = say(state, "notGiven");
  const birthText = birth ? `${monthNames(state)[Number(birth.slice(5, 7)) - 1]} ${birth.slice(0, 4)}` : none;
  const monthText = (ym: string) => `${monthNames(state)[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
  const summary =
    say(state, "dataSummary", {
      locale: LOCALE_NAMES[state.locale],
      birth: birthText,
      status: status ? say(state, STATUS_KEYS[status]) : none,
      dept: dept ? say(state, DEPT_KEYS[dept]) : none,
      alerts: state.openHelpRequests,
    }) +
    (enteredCare ? `\n${say(state, "dataEnteredCare", { month: monthText(enteredCare) })}` : "") +
    (permitExpiry ? `\n${say(state, "dataPermitExpiry", { month: monthText(permitExpiry) })}` : "");
  return {
    state: { ...state, cursor: { at: "data" } },
    replies: [
      reply(`${summary}\n\n${say(state, "dataWhy", { days: retentionDays })}`, [
        button(state, "exportMyData", "data:export"),
        button(state, "editProfile", "profile"),
        button(state, "deleteMyData", "delete"),
        button(state, "menu", "menu"),
      ]),
    ],
    effects: [],
  };
}

/** The file itself is the worker's to make (from D1) and send: the engine asks for it. */
export function exportMyData(state: ConversationState): TurnResult {
  return {
    state: { ...state, cursor: { at: "data" } },
    replies: [
      reply(say(state, "exportReady"), [button(state, "deleteMyData", "delete"), button(state, "menu", "menu")]),
    ],
    effects: [{ type: "exportMyData" }],
  };
}

/**
 * The file could not be sent (Telegram or Meta refused it, or was unreachable): the reply that
 * presents it becomes one that says so and offers to try again, never a promise of a file that
 * did not come. The channel's worker calls it after its send failed.
 */
export function exportNotSent(replies: Reply[], locale: Locale): Reply[] {
  const ready = t(locale, "exportReady");
  return replies.map((r) =>
    r.text === ready
      ? {
          text: t(locale, "exportFailed"),
          buttons: [
            { label: t(locale, "exportMyData"), action: "data:export" },
            { label: t(locale, "menu"), action: "menu" },
          ],
        }
      : r,
  );
}

export function confirmDelete(state: ConversationState): TurnResult {
  return {
    state: { ...state, cursor: { at: "data" } },
    replies: [
      reply(say(state, "deleteConfirm"), [button(state, "deleteYes", "delete:yes"), button(state, "cancel", "data")]),
    ],
    effects: [],
  };
}

export function deleteEverything(state: ConversationState): TurnResult {
  return { state, replies: [reply(say(state, "deleted"))], effects: [{ type: "deleteMyData" }] };
}
