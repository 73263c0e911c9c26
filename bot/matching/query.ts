import { focusOf } from "./definition.ts";
import { acronymsIn, coveredByExpansions, EXPANSION_FACTOR, type Acronyms } from "./names.ts";
import { looksArabic, looksDari } from "./stem.ts";
import { FUZZY_FACTOR } from "./typos.ts";
import {
  CONCEPT_OF,
  cuesOf,
  exactWords,
  LIGHT,
  LIGHT_FACTOR,
  MAX_EXACT,
  phrase,
  PLAIN,
  stemsOf,
  wordsOf,
} from "./terms.ts";
import type { QuestionVariants } from "./variants.ts";

/**
 * Reading a question into the index's terms, each with its factor: its stems (a typo
 * corrected, an Arabic or Dari word read without its glued letters), their concepts, two
 * words that follow each other, an acronym spelled out, question words, keywords found word
 * for word. Terms the index does not have are left out.
 */

/** What reading a question needs to know of the index. */
export type QueryReader = {
  has(term: string): boolean;
  /** The indexed term a typo away from an unknown one (typos.ts). */
  correct(term: string): string | null;
  variants: QuestionVariants;
  acronyms: Acronyms;
  /** The exact keywords starting with a word (what follows it, "_"-joined). */
  exactsStartingWith(word: string): string[];
  hasExacts: boolean;
};

export type Query = {
  /** Term → factor (the highest it was added with). */
  terms: Map<string, number>;
  /** Terms made of light words: they never make an item more precise than its topic. */
  light: Set<string>;
  /** Terms a definition question asks about (definition.ts). */
  focus: Set<string>;
  /**
   * Term → the words of meaning it stands for (one bit per word, the first 32 words): an item
   * holds a word when it has any of its terms (its stem, typo correction, variant or concept).
   */
  wordsOf: Map<string, number>;
  /** Words of meaning the index has no term for (not even a typo away): what the content may not cover. */
  unknown: string[];
};

/** The question's terms; null when no word of meaning is in the index (question words alone choose nothing). */
export function readQuery(text: string, reader: QueryReader): Query | null {
  const query: Query = { terms: new Map(), light: new Set(), focus: new Set(), wordsOf: new Map(), unknown: [] };
  const add = (term: string, factor: number) => {
    if (reader.has(term) && (query.terms.get(term) ?? 0) < factor) query.terms.set(term, factor);
  };
  const words = wordsOf(text);
  addWordsOfMeaning(text, words, reader, query, add);
  if (query.terms.size === 0) return null;
  // Question words only help to choose between items the words of meaning found.
  for (const cue of cuesOf(text, words)) add(cue, 1);
  if (reader.hasExacts) addExactKeywords(text, words, reader, query, add);
  return query;
}

type Add = (term: string, factor: number) => void;
/** Numbers ("18", "3") unknown to the index say nothing of a topic. */
const DIGITS = /^\d+$/;

function addWordsOfMeaning(text: string, words: string[], reader: QueryReader, query: Query, add: Add): void {
  const seen: string[] = [];
  // A name spelled out ("contrat d'engagement jeune") counts as its acronym, its words
  // only at EXPANSION_FACTOR: one name, not three words of meaning (else the item that
  // merely repeats the name outweighs the one answering the rest of the question).
  const arabicText = looksArabic(text);
  const dariText = !arabicText && looksDari(text);
  const sources: string[] | undefined = arabicText || dariText ? [] : undefined;
  const stems = stemsOf(text, sources);
  for (const acronym of acronymsIn(stems, reader.acronyms)) add(acronym, 1);
  const covered = coveredByExpansions(stems, reader.acronyms);
  const focus = focusOf(text, words);
  let word = 0;
  for (const [position, s] of stems.entries()) {
    const bit = word < 32 ? 2 ** word : 0;
    // A word held by the item: its bit on each term that stands for it.
    const holds = (t: string) => {
      if (bit && reader.has(t)) query.wordsOf.set(t, (query.wordsOf.get(t) ?? 0) | bit);
    };
    let term: string | null = s;
    let factor = covered.has(position) ? EXPANSION_FACTOR : 1;
    if (!reader.has(s)) {
      // An Arabic-script word with a glued letter ("وللإقامة", "أوراقي"), else a typo.
      // Without Persian letters, a short Dari text looks Arabic: its possessives are tried after.
      const variant =
        sources &&
        ((arabicText && reader.variants.arabic(sources[position]!)) || reader.variants.dari(sources[position]!));
      if (variant) term = variant;
      else {
        term = reader.correct(s);
        factor = FUZZY_FACTOR;
      }
    }
    const known = CONCEPT_OF.get(s);
    if (known) {
      add(known, 1);
      holds(known);
    }
    if (!term) {
      if (!known && s.length >= 3 && !LIGHT.has(s) && !PLAIN.has(s) && !DIGITS.test(s)) query.unknown.push(s);
      if (known) word++;
      continue;
    }
    word++;
    holds(term);
    if (LIGHT.has(term)) {
      factor *= LIGHT_FACTOR;
      query.light.add(term);
    }
    add(term, factor);
    // An Arabic word the content also writes with a glued letter ("أوراقي" in one keyword)
    // still stands for the plain word ("أوراق") of the others.
    if (arabicText && term === s && !CONCEPT_OF.has(s)) {
      const plain = reader.variants.arabic(sources![position]!);
      if (plain) {
        const light = LIGHT.has(plain);
        if (light) query.light.add(plain);
        add(plain, light ? factor * LIGHT_FACTOR : factor);
        holds(plain);
        const concept = CONCEPT_OF.get(plain);
        if (concept) {
          add(concept, factor);
          holds(concept);
        }
      }
    }
    if (focus.has(s)) query.focus.add(term);
    const concept = CONCEPT_OF.get(term);
    if (concept) {
      add(concept, factor);
      holds(concept);
    }
    const previous = seen[seen.length - 1];
    if (previous) {
      if (LIGHT.has(previous) || LIGHT.has(term)) query.light.add(phrase(previous, term));
      add(phrase(previous, term), LIGHT.has(previous) ? factor * LIGHT_FACTOR : factor);
    }
    seen.push(term);
  }
}

/** Keywords of several words found word for word in the question, stop words included. */
function addExactKeywords(text: string, words: string[], reader: QueryReader, query: Query, add: Add): void {
  const exact = exactWords(text, words);
  for (let i = 0; i + 1 < exact.length; i++) {
    const rests = reader.exactsStartingWith(exact[i]!);
    if (rests.length === 0) continue;
    const following = `${exact.slice(i + 1, i + MAX_EXACT).join("_")}_`;
    for (const rest of rests) {
      if (!following.startsWith(`${rest}_`)) continue;
      // "chercher un logement": a keyword that is a light word and the topic's word says little more.
      const light = LIGHT.has(exact[i]!) || rest.split("_").some((w) => LIGHT.has(w));
      if (light) query.light.add(`=${exact[i]}_${rest}`);
      add(`=${exact[i]}_${rest}`, light ? LIGHT_FACTOR : 1);
    }
  }
}
