import type { Button } from "../../shared/api.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import { writable } from "../../shared/letters/pdf.ts";
import { letterFor, lettersFor, lettersForStep, type Sender } from "../../shared/letters/render.ts";
import { button, label, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { TurnResult } from "../types.ts";

/**
 * Letters the young person can send today: pick one, read in their language what it says, then
 * type their name and address in one message (or get it with blanks). The name and address go
 * straight into the `makeLetter` effect — never into the state, an alert or a stored question —
 * and the worker makes the letter, hands it over on the channel and forgets it.
 */

const MAX_NAME = 80;
const MAX_ADDRESS = 300;

/** The buttons that open the letters a content step or a roadmap step offers. */
export function letterButtons(state: ConversationState, content: ContentSnapshot, stepId: string): Button[] {
  return lettersForStep(content, stepId, state.profile.dept).map((l) => ({
    label: `✉️ ${label(state.locale, l.title)}`,
    action: `letter:${l.purpose}`,
  }));
}

export function listLetters(state: ConversationState, content: ContentSnapshot): TurnResult {
  const letters = lettersFor(content, state.profile.dept, state.profile.status);
  const buttons: Button[] = letters.map((l) => ({
    label: `✉️ ${label(state.locale, l.title)}`,
    action: `letter:${l.purpose}`,
  }));
  buttons.push(button(state, "menu", "menu"));
  return {
    state: { ...state, cursor: { at: "menu" } },
    replies: [reply(say(state, letters.length > 0 ? "lettersIntro" : "lettersNone"), buttons)],
    effects: [{ type: "track", event: "letters" }],
  };
}

export function openLetter(state: ConversationState, content: ContentSnapshot, purpose: string): TurnResult | null {
  const letter = letterFor(content, purpose, state.profile.dept);
  if (!letter) return null;
  return {
    state: { ...state, cursor: { at: "letter", purpose } },
    replies: [
      reply(
        `✉️ ${label(state.locale, letter.title)}\n\n${label(state.locale, letter.explanation)}\n\n${say(state, "letterAskSender")}`,
        [
          button(state, "letterBlank", `letter:${purpose}:blank`),
          button(state, "lettersOther", "letter"),
          button(state, "menu", "menu"),
        ],
      ),
    ],
    effects: [{ type: "track", event: "letter", key: purpose }],
  };
}

/** "Awa Diallo\n12 rue…\n44000 Nantes", or "Awa Diallo, 12 rue…, 44000 Nantes": the first line or part is the name. */
export function parseSender(text: string): Sender | null {
  const clean = text.replace(/[\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (c) =>
    c === "\n" ? c : " ",
  );
  const lines = clean
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return null;
  let [name = "", ...rest] = lines;
  if (rest.length === 0 && name.includes(",")) {
    const [first = "", ...parts] = name.split(",");
    name = first.trim();
    rest = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  }
  const address = rest.join("\n");
  if (name.length === 0 || name.length > MAX_NAME || address.length > MAX_ADDRESS) return null;
  return { name, address };
}

/** The letter made: with the sender typed (`text`), or with blanks (`text` undefined). */
export function makeLetterNow(
  state: ConversationState,
  content: ContentSnapshot,
  purpose: string,
  text?: string,
): TurnResult {
  const letter = letterFor(content, purpose, state.profile.dept);
  if (!letter)
    return { state: { ...state, cursor: { at: "menu" } }, replies: [reply(say(state, "lettersNone"))], effects: [] };
  const retry = [button(state, "letterBlank", `letter:${purpose}:blank`), button(state, "menu", "menu")];
  let sender: Sender | undefined;
  if (text !== undefined) {
    const parsed = parseSender(text);
    if (!parsed) return { state, replies: [reply(say(state, "letterSenderInvalid"), retry)], effects: [] };
    // The letter is in French, in fonts that have Latin letters only.
    if (!writable(`${parsed.name}${parsed.address}`))
      return { state, replies: [reply(say(state, "letterSenderLatin"), retry)], effects: [] };
    sender = parsed;
  }
  return {
    state: { ...state, cursor: { at: "menu" } },
    replies: [
      reply(
        `✅ ${say(state, "letterReady", { title: label(state.locale, letter.title) })}\n\n${say(state, "letterCheck")}`,
        [button(state, "lettersOther", "letter"), button(state, "menu", "menu")],
      ),
    ],
    effects: [{ type: "makeLetter", purpose, ...(sender ? { sender } : {}) }],
  };
}
