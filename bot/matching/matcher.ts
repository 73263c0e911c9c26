import type { ContentBundle, LocalizedKeywords, LocalizedText } from "../../shared/content/model.ts";
import { normalize } from "../../shared/text/normalize.ts";
import { expandSmsNormalized } from "../../shared/text/sms.ts";
import { CONCEPTS, STOPWORDS } from "./lexicon.ts";
import { stem } from "./stem.ts";

export type MatchTarget = { kind: "faq" | "step" | "topic"; id: string };
export type Match = MatchTarget & { score: number };
export type Matcher = { match(text: string): Match[] };

/**
 * Free-text matching: an in-memory inverted index over every locale at once (young people
 * mix languages), built once per content version (see matcherFor). Measured in Node by
 * scripts/bench-matcher.ts; chosen over D1 FTS5 because a query costs no round trip and
 * typos, SMS spelling and synonyms need logic FTS5 has not got.
 *
 * Text → normalise → SMS expansion → stop words out → light stem (+ shared concept for
 * known synonyms). Score = Σ field weight × idf over the query's terms; a term unknown to
 * the index is looked up with edit distance 1 (2 for long words) in a deletion index of the
 * keyword and title vocabulary.
 */

/** Field weights: keywords > titles > bodies. */
export const WEIGHTS = { keyword: 3, title: 2, body: 0.6, concept: 0.8 } as const;
const FUZZY_FACTOR = 0.75;
const MAX_RESULTS = 5;

const STOP = new Set<string>();
for (const word of STOPWORDS.split(/\s+/)) for (const token of normalize(word).split(" ")) if (token) STOP.add(token);

/** stem → concept id ("~3"), from the shared synonym groups. */
const CONCEPT_OF = new Map<string, string>();
CONCEPTS.trim().split("\n").forEach((line, index) => {
  for (const entry of line.split(",")) {
    for (const token of normalize(entry).split(" ")) {
      if (token.length >= 2 && !STOP.has(token)) CONCEPT_OF.set(stem(token), `~${index}`);
    }
  }
});

/** The terms of a text: stems of its meaningful words, and the concepts they belong to. */
export function termsOf(text: string): string[] {
  const normalized = expandSmsNormalized(normalize(text));
  if (!normalized) return [];
  const out: string[] = [];
  for (const token of normalized.split(" ")) {
    if (token.length < 2 || STOP.has(token)) continue;
    const s = stem(token);
    out.push(s);
    const concept = CONCEPT_OF.get(s);
    if (concept) out.push(concept);
  }
  return out;
}

function allTexts(text: LocalizedText | undefined): string[] {
  return text ? Object.values(text).filter((v): v is string => typeof v === "string") : [];
}
function allKeywords(keywords: LocalizedKeywords | undefined): string[] {
  return keywords ? Object.values(keywords).flatMap((list) => list ?? []) : [];
}

type Posting = { doc: number; weight: number };

/** Optimal string alignment distance (a swap of two letters counts 1), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function deletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

export function createMatcher(bundle: ContentBundle): Matcher {
  const docs: MatchTarget[] = [];
  const postings = new Map<string, Posting[]>();
  /** Keyword and title vocabulary, for typo lookup (bodies are too noisy to correct towards). */
  const fuzzyIndex = new Map<string, string[]>();
  const corrected = new Set<string>();

  const addDoc = (target: MatchTarget, keywords: LocalizedKeywords | undefined, titles: LocalizedText[], bodies: LocalizedText[]) => {
    const doc = docs.push(target) - 1;
    const weights = new Map<string, number>();
    const put = (texts: string[], weight: number) => {
      for (const text of texts) {
        for (const term of termsOf(text)) {
          const w = term.startsWith("~") ? WEIGHTS.concept * weight : weight;
          if ((weights.get(term) ?? 0) < w) weights.set(term, w);
        }
      }
    };
    put(bodies.flatMap(allTexts), WEIGHTS.body);
    put(titles.flatMap(allTexts), WEIGHTS.title);
    put(allKeywords(keywords), WEIGHTS.keyword);
    for (const [term, weight] of weights) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, weight });
      if (weight >= WEIGHTS.title && term.length >= 4 && !term.startsWith("~") && !corrected.has(term)) {
        corrected.add(term);
        for (const del of deletions(term)) {
          const bucket = fuzzyIndex.get(del);
          if (bucket) bucket.push(term);
          else fuzzyIndex.set(del, [term]);
        }
      }
    }
  };
  for (const faq of bundle.faqs) addDoc({ kind: "faq", id: faq.id }, faq.keywords, [faq.question], [faq.answer]);
  for (const step of bundle.steps) addDoc({ kind: "step", id: step.id }, step.keywords, [step.title], [step.body]);
  for (const topic of bundle.topics) addDoc({ kind: "topic", id: topic.id }, topic.keywords, [topic.title], [topic.intro]);

  const idf = (term: string) => Math.log(1 + docs.length / (postings.get(term)?.length ?? docs.length));

  /** The indexed term closest to an unknown one, if a typo away. */
  const correct = (term: string): string | null => {
    if (term.length < 5 || term.startsWith("~")) return null;
    const max = term.length >= 8 ? 2 : 1;
    const candidates = new Set<string>(fuzzyIndex.get(term) ?? []);
    for (const del of deletions(term)) {
      if (postings.has(del) && del.length >= 4) candidates.add(del);
      for (const c of fuzzyIndex.get(del) ?? []) candidates.add(c);
    }
    let best: string | null = null;
    let bestDistance = max + 1;
    for (const candidate of candidates) {
      const d = editDistance(term, candidate, max);
      if (d < bestDistance || (d === bestDistance && best !== null && idf(candidate) > idf(best))) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= max ? best : null;
  };

  return {
    match(text) {
      const query = new Map<string, number>();
      for (const term of termsOf(text)) {
        if (postings.has(term)) query.set(term, 1);
        else {
          const fixed = correct(term);
          if (fixed && !query.has(fixed)) {
            query.set(fixed, FUZZY_FACTOR);
            const concept = CONCEPT_OF.get(fixed);
            if (concept && postings.has(concept) && !query.has(concept)) query.set(concept, FUZZY_FACTOR);
          }
        }
      }
      if (query.size === 0) return [];
      const scores = new Float64Array(docs.length);
      for (const [term, factor] of query) {
        const weightOfTerm = idf(term) * factor;
        for (const { doc, weight } of postings.get(term)!) scores[doc] = scores[doc]! + weight * weightOfTerm;
      }
      const results: Match[] = [];
      scores.forEach((score, doc) => {
        if (score > 0) results.push({ ...docs[doc]!, score: Math.round(score * 1000) / 1000 });
      });
      return results.sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]).slice(0, MAX_RESULTS);
    },
  };
}

/** On a tie, the most precise answer first. */
const KIND_ORDER = { faq: 0, step: 1, topic: 2 } as const;

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
