import { WEIGHTS } from "./build.ts";
import { FOCUS_FACTOR } from "./definition.ts";
import type { Query } from "./query.ts";
import type { IndexView } from "./stored.ts";
import { LIGHT } from "./terms.ts";

/**
 * Scoring: Σ stored weight × idf × factor over the query's terms, per document, and what
 * ranking needs besides: the light words' part, which query words each document has in its
 * title or question, and which words of meaning as title or keyword (for specificity).
 */

/** Stored weight × 10 from which a match counts as title or keyword (not body, not a two-word phrase). */
const STRONG = WEIGHTS.title * 10;

export type Scores = {
  scores: Float64Array;
  /** Per document, the part of its score that light words bring. */
  lightScores: Float64Array;
  /** Per document, the query terms (one bit each) it matches in its title or FAQ question. */
  titleHits: Uint32Array;
  /** Per document, the query's words of meaning it matches in a title, question or keyword. */
  strongHits: Uint32Array;
  /** Per topic and query word (bit number), how many of its items have the word as title or keyword. */
  holders: Uint8Array;
};

/** How rare a term is among the documents (a term no document has counts as half of them). */
export function idfOf(index: IndexView): (term: string) => number {
  const n = index.docs.length;
  return (term) => Math.log(1 + n / ((index.lookup(term)?.length ?? 2 * n) / 2));
}

export function scoreQuery(index: IndexView, query: Query, idf: (term: string) => number): Scores {
  const n = index.docs.length;
  const s: Scores = { scores: new Float64Array(n), lightScores: new Float64Array(n), titleHits: new Uint32Array(n), strongHits: new Uint32Array(n), holders: new Uint8Array(n * 32) };
  const { scores, lightScores, titleHits, strongHits, holders } = s;
  const parents = index.parents;
  let bit = 1;
  let bitNumber = 0;
  for (const [term, factor] of query.terms) {
    const weightOfTerm = idf(term) * factor;
    const focused = query.focus.has(term);
    const light = query.light.has(term);
    const list = index.lookup(term)!;
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i]!;
      const stored = list[i + 1]!;
      // The thing a definition question asks about counts more in an item's own title or question.
      const points = ((stored >> 1) * weightOfTerm * (focused && stored & 1 ? FOCUS_FACTOR : 1)) / 10;
      scores[doc] = scores[doc]! + points;
      if (light) lightScores[doc] = lightScores[doc]! + points;
      if (stored & 1) titleHits[doc] = titleHits[doc]! | bit;
      if (stored >> 1 >= STRONG && term[0] !== "?" && term[0] !== "~" && !LIGHT.has(term)) {
        strongHits[doc] = strongHits[doc]! | bit;
        const parent = parents[doc] ?? -1;
        if (parent >= 0) holders[parent * 32 + bitNumber] = holders[parent * 32 + bitNumber]! + 1;
      }
    }
    if (bitNumber < 31) {
      bit *= 2;
      bitNumber++;
    }
  }
  return s;
}
