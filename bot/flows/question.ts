import type { Reply } from "../../shared/api.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import { normalize } from "../../shared/text/normalize.ts";
import { matcherFor } from "../matching/matcher.ts";
import { button, reply, say } from "../render.ts";
import type { CrisisHit } from "../safety/crisis.ts";
import type { ConversationState } from "../state.ts";
import type { Effect } from "../types.ts";
import { renderFaq, renderStep, renderTopic } from "./browse.ts";

/** Free-text questions: answered from the content, or logged anonymously when nothing fits. */

const MIN_SCORE = 1.5;

export function answerQuestion(
  state: ConversationState,
  question: string,
  content: ContentSnapshot,
): { replies: Reply[]; effects: Effect[]; answered: boolean } {
  const best = matcherFor(content).match(question)[0];
  if (best && best.score >= MIN_SCORE) {
    const rendered = renderMatch(state, content, best.kind, best.id);
    if (rendered) return { replies: [rendered], effects: [{ type: "track", event: "answer", key: `${best.kind}:${best.id}` }], answered: true };
  }
  return {
    replies: [reply(say(state, "notUnderstood"), [button(state, "menu", "menu"), button(state, "contactReferent", "contact")])],
    effects: [{ type: "recordUnanswered", text: normalize(question).slice(0, 200) }],
    answered: false,
  };
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

const CRISIS_TEXT = {
  suicide: "crisisSuicide",
  violence: "crisisViolence",
  sexual_violence: "crisisSexualViolence",
  danger: "crisisDanger",
} as const;

function ageOf(state: ConversationState, now: Date): number | null {
  const birth = state.profile.birth;
  if (!birth) return null;
  const [year, month] = birth.split("-").map(Number) as [number, number];
  const months = (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
  return Math.floor(months / 12);
}

/** The crisis answer: numbers first, then the offer (or notice) to alert the référent. */
export function answerCrisis(
  state: ConversationState,
  hit: CrisisHit,
  now: Date,
  autoAlert: boolean,
): { replies: Reply[]; effects: Effect[] } {
  let first: string;
  if (hit.category === "shelter") {
    const age = ageOf(state, now);
    first = age === null ? say(state, "crisisShelterNoAge") : say(state, "crisisShelter", { age });
  } else {
    first = say(state, CRISIS_TEXT[hit.category]);
  }
  const effects: Effect[] = [{ type: "track", event: "crisis", key: hit.category }];
  const replies: Reply[] = [];
  if (hit.severe && autoAlert) {
    effects.push({ type: "raiseAlert", kind: "crisis", severity: "severe", subject: hit.category });
    replies.push(reply(`🚨 ${first}\n\n${say(state, "crisisAutoAlerted")}`, [button(state, "menu", "menu")]));
  } else {
    replies.push(
      reply(`🚨 ${first}\n\n${say(state, "crisisOfferAlert")}`, [
        { label: say(state, "crisisAlertYes"), action: `alert:${hit.category}` },
        button(state, "menu", "menu"),
      ]),
    );
  }
  return { replies, effects };
}
