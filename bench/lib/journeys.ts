import type { ContentBundle } from "../../shared/content/model.ts";
import type { Input } from "../../bot/types.ts";

/**
 * Realistic journeys, as engine inputs, labelled by kind. The same list drives the HTTP
 * bench (as Telegram updates) and the engine bench (as handle() calls).
 * A first visit: onboarding, browsing, free-text questions, a request to the référent.
 * A returning visit: /start, browsing, questions.
 */
export type Turn = { kind: "start" | "onboarding" | "browse" | "text" | "unanswered" | "contact"; input: Input };

const UNANSWERED = [
  "est ce que je peux avoir un chien dans mon appart",
  "comment on fait une crêpe",
  "is there wifi at the mission locale tomorrow",
];

/** Questions as young people type them: FAQ questions in French and English, and keyword phrases. */
export function questionsOf(bundle: ContentBundle): string[] {
  const out: string[] = [];
  for (const faq of bundle.faqs) {
    out.push(faq.question.fr.toLowerCase().replace(/[?!.]/g, ""));
    if (faq.question.en) out.push(faq.question.en);
  }
  for (const step of bundle.steps) {
    const kw = step.keywords.fr ?? [];
    if (kw.length >= 2) out.push(`c quoi ${kw[0]} et ${kw[1]}`);
  }
  for (const topic of bundle.topics) {
    const kw = topic.keywords.fr ?? [];
    if (kw.length > 0) out.push(`j'ai besoin d'aide pour ${kw[0]}`);
  }
  return out.length > 0 ? out : ["je cherche un logement"];
}

function pickFrom<T>(list: T[], i: number): T | undefined {
  return list.length > 0 ? list[i % list.length] : undefined;
}

export function firstVisit(bundle: ContentBundle, n: number): Turn[] {
  const questions = questionsOf(bundle);
  const topic = pickFrom(bundle.topics, n);
  const step = topic
    ? (bundle.steps.find((s) => s.id === topic.stepIds[0]) ?? pickFrom(bundle.steps, n))
    : pickFrom(bundle.steps, n);
  const faq = pickFrom(bundle.faqs, n * 7 + 3);
  const a = (action: string, kind: Turn["kind"] = "browse"): Turn => ({ kind, input: { kind: "action", action } });
  const turns: Turn[] = [
    { kind: "start", input: { kind: "start" } },
    a("lang:fr", "onboarding"),
    a("privacy:accept", "onboarding"),
    a(`year:${2003 + (n % 6)}`, "onboarding"),
    a(`month:${String(1 + (n % 12)).padStart(2, "0")}`, "onboarding"),
    a(["status:ase", "status:left_ase", "status:mna", "status:other"][n % 4]!, "onboarding"),
    a(["dept:44", "dept:49", "dept:other"][n % 3]!, "onboarding"),
  ];
  if (topic) turns.push(a(`topic:${topic.id}`));
  if (step) turns.push(a(`step:${step.id}`), a("back"));
  if (faq) turns.push(a(`faq:${faq.id}`));
  turns.push(
    { kind: "text", input: { kind: "text", text: questions[(n * 3) % questions.length]! } },
    { kind: "text", input: { kind: "text", text: questions[(n * 5 + 1) % questions.length]! } },
    a("menu"),
    { kind: "unanswered", input: { kind: "text", text: UNANSWERED[n % UNANSWERED.length]! } },
    a("contact", "contact"),
    a("contact:send", "contact"),
  );
  return turns;
}

export function returningVisit(bundle: ContentBundle, n: number, visit: number): Turn[] {
  const questions = questionsOf(bundle);
  const k = n * 11 + visit * 5;
  const topic = pickFrom(bundle.topics, k);
  const step = pickFrom(bundle.steps, k);
  const faq = pickFrom(bundle.faqs, k + 1);
  const a = (action: string): Turn => ({ kind: "browse", input: { kind: "action", action } });
  const turns: Turn[] = [{ kind: "start", input: { kind: "start" } }];
  if (topic) turns.push(a(`topic:${topic.id}`));
  if (step) turns.push(a(`step:${step.id}`));
  if (faq) turns.push(a(`faq:${faq.id}`));
  turns.push({ kind: "text", input: { kind: "text", text: questions[k % questions.length]! } }, a("menu"));
  return turns;
}

/** One chat's whole script: a first visit then `visits - 1` returning visits. */
export function chatScript(bundle: ContentBundle, n: number, visits: number): Turn[] {
  const turns = firstVisit(bundle, n);
  for (let v = 1; v < visits; v++) turns.push(...returningVisit(bundle, n, v));
  return turns;
}
