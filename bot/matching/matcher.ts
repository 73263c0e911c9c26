import type { ContentBundle, LocalizedKeywords, LocalizedText } from "../../shared/content/model.ts";
import { tokenize } from "../../shared/text/normalize.ts";

export type MatchTarget = { kind: "faq" | "step" | "topic"; id: string };
export type Match = MatchTarget & { score: number };
export type Matcher = { match(text: string): Match[] };

type Doc = MatchTarget & { terms: Map<string, number> };

const STOPWORDS = new Set(
  "le la les un une des de du d l a au aux et ou en je j tu il elle on nous vous ils me te se ma mon mes ta ton tes sa son ses est c ce ca cest pour par pas ne que qui quoi comment quand est the a an of to and or is i my me you your how what when do can in on for with".split(" "),
);

function terms(texts: Iterable<string>, weight: number, into: Map<string, number>): void {
  for (const text of texts) {
    for (const token of tokenize(text)) {
      if (token.length < 2 || STOPWORDS.has(token)) continue;
      into.set(token, Math.max(into.get(token) ?? 0, weight));
    }
  }
}

function allTexts(text: LocalizedText | undefined): string[] {
  return text ? Object.values(text).filter((v): v is string => typeof v === "string") : [];
}
function allKeywords(keywords: LocalizedKeywords | undefined): string[] {
  return keywords ? Object.values(keywords).flatMap((list) => list ?? []) : [];
}

/**
 * Keyword matcher over every locale at once (young people mix languages): keywords weigh
 * more than titles, rare terms more than common ones. Built once per content version.
 */
export function createMatcher(bundle: ContentBundle): Matcher {
  const docs: Doc[] = [];
  const add = (target: MatchTarget, keywords: LocalizedKeywords | undefined, titles: (LocalizedText | undefined)[]) => {
    const map = new Map<string, number>();
    terms(titles.flatMap(allTexts), 1, map);
    terms(allKeywords(keywords), 2, map);
    docs.push({ ...target, terms: map });
  };
  for (const faq of bundle.faqs) add({ kind: "faq", id: faq.id }, faq.keywords, [faq.question]);
  for (const step of bundle.steps) add({ kind: "step", id: step.id }, step.keywords, [step.title]);
  for (const topic of bundle.topics) add({ kind: "topic", id: topic.id }, topic.keywords, [topic.title]);

  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log(1 + docs.length / (df.get(term) ?? docs.length));

  return {
    match(text) {
      const query = [...new Set(tokenize(text).filter((t) => t.length >= 2 && !STOPWORDS.has(t)))];
      if (query.length === 0) return [];
      const results: Match[] = [];
      for (const doc of docs) {
        let score = 0;
        for (const term of query) {
          const weight = doc.terms.get(term);
          if (weight) score += weight * idf(term);
        }
        if (score > 0) results.push({ kind: doc.kind, id: doc.id, score });
      }
      return results.sort((a, b) => b.score - a.score).slice(0, 5);
    },
  };
}

const cache = new WeakMap<ContentBundle, Matcher>();
/** The matcher for a content snapshot, built on first use and kept while the snapshot lives. */
export function matcherFor(bundle: ContentBundle): Matcher {
  let matcher = cache.get(bundle);
  if (!matcher) {
    matcher = createMatcher(bundle);
    cache.set(bundle, matcher);
  }
  return matcher;
}
