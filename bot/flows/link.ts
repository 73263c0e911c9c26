import type { Reply } from "../../shared/api.ts";
import { t, type MessageKey } from "../../shared/i18n/index.ts";
import type { Locale } from "../../shared/locales.ts";
import { reply } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { TurnResult } from "../types.ts";

/**
 * "🔗 Relier mon référent": the young person types the one-time code their référent gave
 * them, sees exactly what the référent will see, and confirms. Either side can unlink.
 * The code is checked by the worker before the turn (the engine stays pure): it arrives
 * as a `linkCode` input with the référent's name, or null when the code is not usable.
 */

const KEYS = {
  ask: "linkAsk",
  alreadyLinked: "linkAlreadyLinked",
  bad: "linkBad",
  preview: "linkPreview",
  yes: "linkConfirm",
  no: "linkDecline",
  done: "linkDone",
  unlinkAsk: "linkUnlinkAsk",
  unlinkYes: "linkUnlinkYes",
  unlinked: "linkUnlinked",
  notLinked: "linkNotLinked",
  link: "linkButton",
  unlink: "linkUnlinkButton",
  seen: "alertSeen",
  menu: "menu",
} as const satisfies Record<string, MessageKey>;

type Key = keyof typeof KEYS;

/** The linking texts live in shared/i18n with every other string (French fallback). */
export function linkText(locale: Locale, key: Key, name = ""): string {
  return t(locale, KEYS[key], { name });
}

const say = (state: ConversationState, key: Key, name?: string) => linkText(state.locale, key, name);
const menuButton = (state: ConversationState) => ({ label: say(state, "menu"), action: "menu" });

/** "code ABCD-2345", "/code ABCD2345", or anything typed while the code is asked for. */
export function typedLinkCode(state: ConversationState, text: string): string | null {
  const m = /^\/?code\s*[:-]?\s*([A-Za-z0-9][A-Za-z0-9 -]{6,14})$/i.exec(text.trim());
  if (m) return m[1]!;
  if (state.cursor.at === "link") return text.trim();
  return null;
}

/** "link:yes:<CODE>" → the code being confirmed. */
export function confirmedLinkCode(action: string): string | null {
  const m = /^link:yes:([A-Z0-9]{8})$/.exec(action);
  return m ? m[1]! : null;
}

export function askLinkCode(state: ConversationState): TurnResult {
  const text = state.hasReferent ? `${say(state, "alreadyLinked")}\n\n${say(state, "ask")}` : say(state, "ask");
  const buttons = state.hasReferent
    ? [{ label: say(state, "unlink"), action: "link:unlink" }, menuButton(state)]
    : [menuButton(state)];
  return { state: { ...state, cursor: { at: "link" } }, replies: [reply(text, buttons)], effects: [] };
}

/** The code was checked: show what the référent will see, or why it did not work. */
export function linkCodeEntered(
  state: ConversationState,
  code: string,
  referentName: string | null,
  confirm: boolean,
): TurnResult {
  if (referentName === null) {
    return {
      state: { ...state, cursor: { at: "link" } },
      replies: [reply(say(state, "bad"), [menuButton(state)])],
      effects: [],
    };
  }
  if (!confirm) {
    return {
      state: { ...state, cursor: { at: "link" } },
      replies: [
        reply(say(state, "preview", referentName), [
          { label: say(state, "yes"), action: `link:yes:${code}` },
          { label: say(state, "no"), action: "menu" },
        ]),
      ],
      effects: [],
    };
  }
  return {
    state: { ...state, cursor: { at: "menu" }, hasReferent: true },
    replies: [reply(say(state, "done", referentName), [menuButton(state)])],
    effects: [
      { type: "linkReferent", code },
      { type: "track", event: "referent", key: "linked" },
    ],
  };
}

/** Text that cannot be a code while a code is asked for. */
export function notACode(state: ConversationState): TurnResult {
  return linkCodeEntered(state, "", null, false);
}

export function linkAction(state: ConversationState, arg: string | undefined): TurnResult {
  if (arg === "unlink") {
    if (!state.hasReferent)
      return {
        state: { ...state, cursor: { at: "menu" } },
        replies: [reply(say(state, "notLinked"), [{ label: say(state, "link"), action: "link" }, menuButton(state)])],
        effects: [],
      };
    return {
      state,
      replies: [
        reply(say(state, "unlinkAsk"), [
          { label: say(state, "unlinkYes"), action: "link:unlink_yes" },
          menuButton(state),
        ]),
      ],
      effects: [],
    };
  }
  if (arg === "unlink_yes") {
    return {
      state: { ...state, cursor: { at: "menu" }, hasReferent: false },
      replies: [reply(say(state, "unlinked"), [menuButton(state)])],
      effects: [{ type: "unlinkReferents" }, { type: "track", event: "referent", key: "unlinked" }],
    };
  }
  return askLinkCode(state);
}

/** Acknowledged alerts the young person has not been told about: one notice, first. */
export function seenNotice(state: ConversationState): Reply {
  return reply(say(state, "seen"));
}
