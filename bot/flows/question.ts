import type { Button, Reply } from "../../shared/api.ts";
import type { ContentSnapshot, LocalizedText } from "../../shared/content/model.ts";
import { scrubQuestion } from "../scrub.ts";
import { confidenceOf } from "../matching/confidence.ts";
import { matcherFor, type Match } from "../matching/matcher.ts";
import { button, label, reply, say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect } from "../types.ts";
import { renderFaq, renderStep, renderTopic } from "./browse.ts";
import { withMissButton } from "./miss.ts";

/**
 * Free-text questions, by the matcher's confidence (bot/matching/confidence.ts):
 * - sure: the best match is the answer, with "ce n'est pas ma question" under it (bot/flows/miss.ts);
 * - unsure: no answer is given as if it were the one (a young person may act on it): "I am not
 *   sure", the closest items and their topics as buttons, and the référent;
 * - none: "I found nothing", the topics closest to the question, the référent and the menu.
 * Unsure and none are recorded for the content team, scrubbed first (bot/scrub.ts: nothing
 * that identifies a person is stored): they are the questions the content does not answer well.
 */

/** Items and topics offered when the bot is not sure. */
const MAX_ITEMS = 2;
const MAX_TOPICS = 2;

export function answerQuestion(
  state: ConversationState,
  question: string,
  content: ContentSnapshot,
): { replies: Reply[]; effects: Effect[]; answered: boolean; notes?: Record<string, string> } {
  const matches = matcherFor(content).match(question);
  const confidence = confidenceOf(matches);
  const best = matches[0];
  if (best && confidence === "sure") {
    const rendered = renderMatch(state, content, best.kind, best.id);
    if (rendered) {
      const answer = withMissButton(state, rendered, question, content, best.kind, best.id);
      return {
        replies: [answer.reply],
        effects: [{ type: "track", event: "answer", key: `${best.kind}:${best.id}` }],
        answered: true,
        notes: answer.notes,
      };
    }
  }
  // Scrubbed here, before it leaves the engine: what identifies a person is never stored.
  const scrubbed = scrubQuestion(question, content);
  const record: Effect[] = scrubbed ? [{ type: "recordUnanswered", text: scrubbed }] : [];
  const referent = [button(state, "menu", "menu"), button(state, "contactReferent", "contact")];
  if (confidence === "unsure") {
    const items = itemButtons(state, content, matches);
    const topics = topicButtons(state, content, matches, items);
    return {
      replies: [reply(say(state, "answerUnsure"), [...items, ...topics, ...referent])],
      effects: record,
      answered: false,
    };
  }
  return {
    replies: [reply(say(state, "notUnderstood"), [...topicButtons(state, content, matches, []), ...referent])],
    effects: record,
    answered: false,
  };
}

/** The closest items (not topics) as buttons, labelled with their titles in the young person's language. */
function itemButtons(state: ConversationState, content: ContentSnapshot, matches: Match[]): Button[] {
  const buttons: Button[] = [];
  for (const m of matches) {
    if (buttons.length === MAX_ITEMS) break;
    if (m.kind === "topic") continue;
    const title = titleOf(content, m);
    if (title)
      buttons.push({
        label: `${m.kind === "faq" ? "❓ " : ""}${label(state.locale, title)}`,
        action: `${m.kind}:${m.id}`,
      });
  }
  return buttons;
}

/** The topics of the closest matches (a matched topic itself first), without repeating a button already there. */
function topicButtons(
  state: ConversationState,
  content: ContentSnapshot,
  matches: Match[],
  already: Button[],
): Button[] {
  const buttons: Button[] = [];
  for (const m of matches) {
    if (buttons.length === MAX_TOPICS) break;
    const topicId =
      m.kind === "topic"
        ? m.id
        : m.kind === "faq"
          ? content.faqs.find((f) => f.id === m.id)?.topicId
          : content.steps.find((s) => s.id === m.id)?.topicId;
    const topic = content.topics.find((t) => t.id === topicId);
    if (!topic) continue;
    const action = `topic:${topic.id}`;
    if (buttons.some((b) => b.action === action) || already.some((b) => b.action === action)) continue;
    buttons.push({ label: `${topic.icon ?? ""} ${label(state.locale, topic.title)}`.trim(), action });
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
