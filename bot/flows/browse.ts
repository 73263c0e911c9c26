import type { Button, Reply } from "../../shared/api.ts";
import type { ContentSnapshot, Faq, Step, Topic } from "../../shared/content/model.ts";
import { button, label, navButtons, renderResources, reply, resourcesFor, say, text } from "../render.ts";
import type { ConversationState } from "../state.ts";
import { letterButtons } from "../letters/flow.ts";

/** Main menu → topic → step / FAQ, with "back" and "menu" always there. */

export function menuButtons(state: ConversationState, content: ContentSnapshot): Button[] {
  const topics = [...content.topics].sort((a, b) => a.order - b.order);
  return [
    ...topics.map((topic) => ({
      label: `${topic.icon ?? ""} ${label(state.locale, topic.title)}`.trim(),
      action: `topic:${topic.id}`,
    })),
    button(state, "roadmapButton", "roadmap"),
    button(state, "lettersButton", "letter"),
    button(state, "contactReferent", "contact"),
    // "🔗 Relier mon référent" until one is linked (then unlinking is under "link").
    ...(state.hasReferent ? [] : [{ label: say(state, "linkButton"), action: "link" }]),
    button(state, "myData", "data"),
    button(state, "changeLanguage", "lang"),
  ];
}

export function renderMenu(state: ConversationState, content: ContentSnapshot): Reply {
  return reply(say(state, "menuIntro"), menuButtons(state, content));
}

export function renderTopic(state: ConversationState, content: ContentSnapshot, topic: Topic): Reply {
  const steps = topic.stepIds
    .map((id) => content.steps.find((s) => s.id === id))
    .filter((s): s is Step => s !== undefined);
  const faqs = content.faqs.filter((f) => f.topicId === topic.id);
  const buttons: Button[] = [
    ...steps.map((s) => ({ label: label(state.locale, s.title), action: `step:${s.id}` })),
    ...faqs.map((f) => ({ label: `❓ ${label(state.locale, f.question)}`, action: `faq:${f.id}` })),
    ...navButtons(state),
  ];
  const title = `${topic.icon ?? ""} ${text(state, topic.title)}`.trim();
  return reply(`${title}\n\n${text(state, topic.intro)}\n\n${say(state, "topicStepsIntro")}`, buttons);
}

function sourcesLine(state: ConversationState, item: Step | Faq): string {
  if (item.sources.length === 0) return "";
  return `${say(state, "sourcesTitle")} ${item.sources.map((s) => s.label).join(" ; ")}`;
}

function joinParts(parts: string[]): string {
  return parts.filter((p) => p.length > 0).join("\n\n");
}

export function renderStep(state: ConversationState, content: ContentSnapshot, step: Step): Reply {
  const topic = content.topics.find((t) => t.id === step.topicId);
  const next = topic ? topic.stepIds[topic.stepIds.indexOf(step.id) + 1] : undefined;
  const nextStep = next ? content.steps.find((s) => s.id === next) : undefined;
  const buttons: Button[] = [];
  buttons.push(...letterButtons(state, content, step.id));
  if (nextStep) buttons.push({ label: `➡️ ${label(state.locale, nextStep.title)}`, action: `step:${nextStep.id}` });
  buttons.push(...navButtons(state));
  const body = joinParts([
    `📌 ${text(state, step.title)}`,
    text(state, step.body),
    renderResources(state, resourcesFor(state, content, step.resourceIds)),
    sourcesLine(state, step),
  ]);
  return reply(body, buttons);
}

export function renderFaq(state: ConversationState, content: ContentSnapshot, faq: Faq): Reply {
  const buttons: Button[] = [];
  const step = faq.stepId ? content.steps.find((s) => s.id === faq.stepId) : undefined;
  if (step) buttons.push({ label: `📌 ${label(state.locale, step.title)}`, action: `step:${step.id}` });
  buttons.push({ label: say(state, "back"), action: `topic:${faq.topicId}` }, button(state, "menu", "menu"));
  const body = joinParts([
    `❓ ${text(state, faq.question)}`,
    text(state, faq.answer),
    renderResources(state, resourcesFor(state, content, faq.resourceIds)),
    sourcesLine(state, faq),
  ]);
  return reply(body, buttons);
}
