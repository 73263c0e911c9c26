import { seedBundle } from "../../shared/content/seed/index.ts";
import type { Faq, LocalizedKeywords, LocalizedText, Resource, Step, Topic } from "../../shared/content/model.ts";

/**
 * The peer's content: the same seed as Passerelle (topics, steps, FAQs, resources), bundled
 * into the Worker as JSON, as a team's first version would ship it (an edit means a deploy;
 * Passerelle reads published content from D1 instead). Lookups by id are maps built once.
 */
export type Locale = "fr" | "en" | "ar" | "ps" | "prs";

export const content = seedBundle;
export const topics: Topic[] = [...content.topics].sort((a, b) => a.order - b.order);
const steps = new Map(content.steps.map((s) => [s.id, s]));
const faqs = new Map(content.faqs.map((f) => [f.id, f]));
const resources = new Map(content.resources.map((r) => [r.id, r]));

export const stepById = (id: string): Step | undefined => steps.get(id);
export const faqById = (id: string): Faq | undefined => faqs.get(id);
export const faqsOf = (topicId: string): Faq[] => content.faqs.filter((f) => f.topicId === topicId);

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.fr;
}

/** The resources of an item, national ones and those of the young person's département. */
export function resourceLines(ids: string[], locale: Locale, dept: string | undefined): string {
  const lines: string[] = [];
  for (const id of ids) {
    const r: Resource | undefined = resources.get(id);
    if (!r || (r.scope !== "national" && dept !== undefined && r.scope !== dept)) continue;
    let line = `• ${pick(r.name, locale)}${r.phone ? ` — ${r.phone}` : ""}\n  ${pick(r.description, locale)}`;
    if (r.url) line += `\n  ${r.url}`;
    lines.push(line);
  }
  return lines.join("\n");
}

/** Lower case, no accents, words separated by one space. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

type Entry = { kind: "faq" | "step"; id: string; keywords: string[] };
let entries: Entry[] | null = null;

function keywordsOf(keywords: LocalizedKeywords, extra: string[] = []): string[] {
  return [...Object.values(keywords).flat(), ...extra].map(normalize).filter((k) => k.length > 0);
}

/** Plain keyword lookup: the FAQ or step whose keywords (any language) occur most in the text. */
export function lookup(text: string): Entry | null {
  entries ??= [
    ...content.faqs.map((f) => ({
      kind: "faq" as const,
      id: f.id,
      keywords: keywordsOf(f.keywords, Object.values(f.question)),
    })),
    ...content.steps.map((s) => ({ kind: "step" as const, id: s.id, keywords: keywordsOf(s.keywords) })),
  ];
  const padded = ` ${normalize(text)} `;
  let best: Entry | null = null;
  let bestScore = 0;
  for (const entry of entries) {
    let score = 0;
    for (const k of entry.keywords) if (padded.includes(` ${k} `)) score += k.length;
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}
