import type { Button, Reply } from "../../shared/api.ts";
import type { ContentSnapshot, LocalizedText } from "../../shared/content/model.ts";
import { scrubQuestion } from "../scrub.ts";
import { matcherFor, type Match } from "../matching/matcher.ts";
import { button, label, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect } from "../types.ts";
import { renderFaq, renderStep, renderTopic } from "./browse.ts";

/**
 * Free-text questions: answered from the content, or, when nothing fits, logged scrubbed (bot/scrub.ts).
 * Confidence tiers (scores from bot/matching/matcher.ts, tuned on tests/eval/questions.json):
 * - sure: the best match is answered;
 * - unsure (low score, or a close second): the best match is answered, and the next ones are
 *   offered as buttons;
 * - nothing (or too weak): "try other words / menu / référent", the question is recorded
 *   anonymously for the content team, and weak candidates are offered as buttons.
 */

export const MIN_SCORE = 2;
export const SURE_SCORE = 5;
const CLOSE_SECOND = 0.8;

type Confidence = "sure" | "unsure" | "none";

/** How sure the matcher is about its best answer. Exported for the evaluation script. */
export function confidenceOf(matches: Match[]): Confidence {
  const [best, second] = matches;
  if (!best || best.score < MIN_SCORE) return "none";
  if (best.score < SURE_SCORE || (second && second.score >= best.score * CLOSE_SECOND)) return "unsure";
  return "sure";
}

export function answerQuestion(
  state: ConversationState,
  question: string,
  content: ContentSnapshot,
): { replies: Reply[]; effects: Effect[]; answered: boolean } {
  const matches = matcherFor(content).match(question);
  const confidence = confidenceOf(matches);
  const best = matches[0];
  if (best && confidence !== "none") {
    const rendered = renderMatch(state, content, best.kind, best.id);
    if (rendered) {
      const replies = [rendered];
      if (confidence === "unsure") {
        const others = alternatives(state, content, matches.slice(1));
        if (others.length > 0) replies.push(reply(say(state, "answerMore"), [...others, button(state, "menu", "menu")]));
      }
      return { replies, effects: [{ type: "track", event: "answer", key: `${best.kind}:${best.id}` }], answered: true };
    }
  }
  const weak = alternatives(state, content, matches);
  // Scrubbed here, before it leaves the engine: what identifies a person is never stored.
  const scrubbed = scrubQuestion(question, content);
  return {
    replies: [reply(say(state, "notUnderstood"), [...weak, button(state, "menu", "menu"), button(state, "contactReferent", "contact")])],
    effects: scrubbed ? [{ type: "recordUnanswered", text: scrubbed }] : [],
    answered: false,
  };
}

/** Up to two other answers as buttons, labelled with their titles in the young person's language. */
function alternatives(state: ConversationState, content: ContentSnapshot, matches: Match[]): Button[] {
  const buttons: Button[] = [];
  for (const m of matches) {
    if (buttons.length === 2) break;
    const title = titleOf(content, m);
    if (title) buttons.push({ label: `${m.kind === "faq" ? "❓ " : ""}${label(state.locale, title)}`, action: `${m.kind}:${m.id}` });
  }
  return buttons;
}

function titleOf(content: ContentSnapshot, m: Match): LocalizedText | undefined {
  if (m.kind === "faq") return content.faqs.find((f) => f.id === m.id)?.question;
  if (m.kind === "step") return content.steps.find((s) => s.id === m.id)?.title;
  return content.topics.find((t) => t.id === m.id)?.title;
}

function renderMatch(state: ConversationState, content: ContentSnapshot, kind: string, id: string): Reply | null {
  if (kind === "faq") {
    const faq = content.faqs.find((f) => f.id === id);
    return faq ? renderFaq(state, content, faq) : null;
  }
  if (kind === "step") {
    const step = content.steps.find((s) => s.id === id);
    return step ? renderStep(state, content, step) : null;
  }
  const topic = content.topics.find((t) => t.id === id);
  return topic ? renderTopic(state, content, topic) : null;
}
