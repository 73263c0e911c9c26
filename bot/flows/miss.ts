import type { Button, Reply } from "../../shared/api.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import { matcherFor } from "../matching/matcher.ts";
import { offerOf } from "../offers.ts";
import { removeIdentifiers, scrubQuestion } from "../scrub.ts";
import { button, label, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect, TurnResult } from "../types.ts";

/**
 * "🤔 Ce n'est pas ma question" (issue 24), under every answer given to a typed question. The
 * question is not kept as typed: with the answer, its offer (bot/offers.ts) keeps only the words
 * the content's index knows (no e-mail, link, date, phone or long number: NOTE_LENGTH at most),
 * until the next turn. When pressed, that note is scrubbed as every unanswered question is
 * (bot/scrub.ts) and recorded the same way, with the item that was given (`answered`), for the
 * editors; an anonymous "miss" counter per item too. Then the topics and the référent.
 */

const NOTE_LENGTH = 200;

/** The action of the button under an answer to a typed question (null when it would not fit a button). */
export function missAction(kind: string, id: string): string | null {
  const action = `miss:${kind}:${id}`;
  return action.length <= 64 ? action : null;
}

/** The answer with its "ce n'est pas ma question" button, and the note its offer keeps. */
export function withMissButton(
  state: ConversationState,
  answer: Reply,
  question: string,
  content: ContentSnapshot,
  kind: string,
  id: string,
): { reply: Reply; notes: Record<string, string> } {
  const action = missAction(kind, id);
  if (!action) return { reply: answer, notes: {} };
  const note = matcherFor(content).knownWords(removeIdentifiers(question)).slice(0, NOTE_LENGTH).trim();
  const buttons: Button[] = [...(answer.buttons ?? []), { label: say(state, "missButton"), action }];
  return { reply: { ...answer, buttons }, notes: note ? { [action]: note } : {} };
}

/** The button was pressed (the engine checked it was offered): record the miss, offer topics and the référent. */
export function noteMiss(
  state: ConversationState,
  raw: string,
  kind: string,
  id: string,
  content: ContentSnapshot,
  now: Date,
): TurnResult {
  const answered = `${kind}:${id}`;
  const note = offerOf(state, raw, now)?.question;
  const text = note ? scrubQuestion(note, content) : null;
  const effects: Effect[] = [
    ...(text ? [{ type: "recordUnanswered" as const, text, answered }] : []),
    { type: "track", event: "miss", key: answered },
  ];
  const topics = [...content.topics]
    .sort((a, b) => a.order - b.order)
    .map((t) => ({ label: `${t.icon ?? ""} ${label(state.locale, t.title)}`.trim(), action: `topic:${t.id}` }));
  const buttons = [...topics, button(state, "contactReferent", "contact"), button(state, "menu", "menu")];
  return { state: { ...state, cursor: { at: "menu" } }, replies: [reply(say(state, "missNoted"), buttons)], effects };
}
