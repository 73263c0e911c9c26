import { WEIGHTS } from "./build.ts";
import { FOCUS_FACTOR } from "./definition.ts";
import type { Query } from "./query.ts";
import type { IndexView } from "./stored.ts";
import { LIGHT } from "./terms.ts";

/**
 * Scoring: Σ stored weight × idf × factor over the query's terms, per document, and what
 * ranking needs besides: the light words' part, which query words each document has in its
 * title or question, and which words of meaning as title or keyword (for specificity); and
 * for confidence, which of the question's words of meaning each document holds, and what each weighs.
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
  /**
   * Per document, the question's words of meaning it holds (Query.wordsOf bits), in any field. A
   * word it has only through a concept (a synonym, often of another language) while the content
   * has the question's own word elsewhere is not held: "je peux avoir un logement avec mon copain"
   * names "logement", which the housing items say; the violence step only says "بيت" (home) in
   * its Arabic text, so it holds "copain" alone.
   */
  wordHits: Uint32Array;
  /**
   * Per document, the words of meaning it is about: held in its title, question or keywords (a
   * keyword's concept included), not only in its body.
   */
  aboutHits: Uint32Array;
  /** Per word of meaning (bit number), its weight: the highest idf × factor of its terms. */
  wordWeights: Float64Array;
  /** The words a definition question asks about ("c'est quoi l'accueil solidaire": accueil, solidaire). */
  focusWords: number;
  /** The question's whole weight of meaning: its words' weights, and UNKNOWN_WEIGHT per word the index lacks. */
  meaning: number;
  /** How many words of meaning the question has, those the index lacks included. */
  wordCount: number;
};

/**
 * What a word of meaning the content has no term for weighs in the question: more than its
 * rarest word (idf of one item in ~90: 4.5): "rsa", "ist", "enceinte" are what such a question
 * is about, and no item holds them. Tuned on tests/eval/unanswerable.json's tuned part.
 */
export const UNKNOWN_WEIGHT = 6;

/** How rare a term is among the documents (a term no document has counts as half of them). */
export function idfOf(index: IndexView): (term: string) => number {
  const n = index.docs.length;
  return (term) => Math.log(1 + n / ((index.lookup(term)?.length ?? 2 * n) / 2));
}

export function scoreQuery(index: IndexView, query: Query, idf: (term: string) => number): Scores {
  const n = index.docs.length;
  const s: Scores = {
    scores: new Float64Array(n),
    lightScores: new Float64Array(n),
    titleHits: new Uint32Array(n),
    strongHits: new Uint32Array(n),
    holders: new Uint8Array(n * 32),
    wordHits: new Uint32Array(n),
    aboutHits: new Uint32Array(n),
    wordWeights: new Float64Array(32),
    focusWords: 0,
    meaning: 0,
    wordCount: 0,
  };
  const { scores, lightScores, titleHits, strongHits, holders, wordHits, aboutHits, wordWeights } = s;
  const parents = index.parents;
  // Words held through a concept only, and about (title, question, keywords) through one; and the
  // words the content has a term of their own for.
  const byConcept = new Uint32Array(n);
  const aboutByConcept = new Uint32Array(n);
  let ownWords = 0;
  let bit = 1;
  let bitNumber = 0;
  for (const [term, factor] of query.terms) {
    const weightOfTerm = idf(term) * factor;
    const focused = query.focus.has(term);
    const light = query.light.has(term);
    const list = index.lookup(term)!;
    const words = query.wordsOf.get(term) ?? 0;
    const concept = term[0] === "~";
    if (!concept) ownWords |= words;
    const held = concept ? byConcept : wordHits;
    const heldAbout = concept ? aboutByConcept : aboutHits;
    if (focused) s.focusWords |= words;
    for (let b = 0, bits = words; bits !== 0; b++, bits >>>= 1)
      if (bits & 1 && wordWeights[b]! < weightOfTerm) wordWeights[b] = weightOfTerm;
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i]!;
      const stored = list[i + 1]!;
      held[doc] = held[doc]! | words;
      // The thing a definition question asks about counts more in an item's own title or question.
      const points = ((stored >> 1) * weightOfTerm * (focused && stored & 1 ? FOCUS_FACTOR : 1)) / 10;
      scores[doc] = scores[doc]! + points;
      if (light) lightScores[doc] = lightScores[doc]! + points;
      if (stored & 1) titleHits[doc] = titleHits[doc]! | bit;
      if (stored >> 1 >= STRONG) heldAbout[doc] = heldAbout[doc]! | words;
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
  for (let doc = 0; doc < n; doc++) {
    // A concept still says what an item is about when the item has the word itself too.
    aboutHits[doc] = aboutHits[doc]! | (aboutByConcept[doc]! & (wordHits[doc]! | ~ownWords));
    wordHits[doc] = wordHits[doc]! | (byConcept[doc]! & ~ownWords);
  }
  let meaning = query.unknown.length * UNKNOWN_WEIGHT;
  let wordCount = query.unknown.length;
  for (const w of wordWeights) {
    meaning += w;
    if (w > 0) wordCount++;
  }
  s.meaning = meaning;
  s.wordCount = wordCount;
  return s;
}

/** The share of the question's weight of meaning that some words (Query.wordsOf bits) make (0 to 1). */
export function shareOf(s: Scores, words: number): number {
  if (s.meaning <= 0) return 0;
  let held = 0;
  for (let b = 0, bits = words; bits !== 0; b++, bits >>>= 1) if (bits & 1) held += s.wordWeights[b]!;
  return held / s.meaning;
}
