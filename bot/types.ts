import type { YoungAlertKind, Severity } from "../shared/alerts.ts";
import type { Reply } from "../shared/api.ts";
import type { ProgressMark } from "../shared/roadmap/compute.ts";
import type { ConversationState } from "./state.ts";

export type { Reply };

/** One thing the young person did: opened the chat, typed, or pressed a button. */
export type Input =
  | { kind: "start" }
  | { kind: "text"; text: string }
  | { kind: "action"; action: string }
  /** Something that is not text (photo, voice…): answered, never read. */
  | { kind: "media"; media: "document" | "voice" | "other" }
  /** A référent's one-time code, checked by the worker: their name, or null if unusable. */
  | { kind: "linkCode"; code: string; referentName: string | null; confirm: boolean };

/** Side effects as data: the worker applies them in one write batch, after the turn. */
export type Effect =
  | { type: "raiseAlert"; kind: YoungAlertKind; severity: Severity; message?: string; subject?: string }
  /** A scrubbed question for the content team; `answered`: the item given when it was marked "ce n'est pas ma question". */
  | { type: "recordUnanswered"; text: string; answered?: string }
  | { type: "deleteMyData" }
  /** Send the young person a file with everything stored about them (Telegram: a document). */
  | { type: "exportMyData" }
  /** Link the référent of this (re-checked) one-time code; unlink every référent. */
  | { type: "linkReferent"; code: string }
  | { type: "unlinkReferents" }
  /** The "your référent saw it" notice was shown. */
  | { type: "alertsSeenShown" }
  | { type: "track"; event: string; key?: string }
  /** A roadmap step marked done / "not for me", or put back (null). */
  | { type: "roadmapProgress"; stepId: string; mark: ProgressMark | null }
  | { type: "setRemindersOptOut"; optOut: boolean }
  /** Reminders shown in the chat (web users see them at their next visit): not sent again. */
  | { type: "remindersShown"; reminders: { stepId: string; kind: string }[] }
  /**
   * Make a letter and hand it over on the channel (shared/letters). The sender's name and address
   * live only in this effect, for this turn: nothing writes them anywhere.
   */
  | { type: "makeLetter"; purpose: string; sender?: { name: string; address: string } };

/**
 * What the engine answers for a turn, and every flow for its part of it. `notes`: per sensitive
 * button offered, a scrubbed question kept with its offer until the next turn (bot/offers.ts:
 * "ce n'est pas ma question" records the question it was pressed for).
 */
export type TurnResult = {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
  notes?: Record<string, string>;
};
