import type { ContentBundle } from "../../shared/content/model.ts";
import { buildIndex, type MatchIndex } from "./build.ts";
import { parseAcronyms } from "./names.ts";
import { readQuery, type QueryReader } from "./query.ts";
import { rankMatches, type Match, type MatchTarget } from "./rank.ts";
import { idfOf, scoreQuery } from "./score.ts";
import { openStored, viewOfIndex, type IndexView } from "./stored.ts";
import { stemsOfToken } from "./terms.ts";
import { normalize } from "../../shared/text/normalize.ts";
import { typoCorrector } from "./typos.ts";
import { questionVariants } from "./variants.ts";

export type { Match, MatchTarget };
/**
 * `knownWords`: the question's normalised words whose stems all are terms of the index (stop
 * words too), the rest left out: a cheap first scrub (bot/flows/miss.ts; bot/scrub.ts is exact
 * but reads every text of the content the first time).
 */
export type Matcher = { match(text: string): Match[]; knownWords(text: string): string };

/**
 * Free-text matching: an inverted index over every locale at once (young people mix
 * languages). Chosen over D1 FTS5 because a query costs no round trip and typos, SMS spelling
 * and synonyms need logic FTS5 has not got. One job per file:
 * - terms.ts: text → normalise → SMS expansion → stop words out → light stem (+ the shared
 *   concept of known synonyms); question words; keywords found word for word;
 * - definition.ts: "c'est quoi X", "what is X", "ما هو X", "X چیست" favour the items whose
 *   title or question names X;
 * - variants.ts: Arabic glued letters and Dari possessives, read away only towards a word of
 *   that language's content;
 * - names.ts: acronyms and names learnt from the content ("cej" = "contrat d'engagement jeune");
 * - build.ts: the index of a bundle (field weights: keywords > titles > bodies);
 *   stored.ts: its stored form (a zod schema), opened lazily by a cold isolate;
 * - query.ts: a question → the index's terms with their factors; typos.ts: an unknown term
 *   corrected towards the keyword and title vocabulary (edit distance 1, 2 for long words);
 * - score.ts: Σ field weight × idf over the query's terms, plus a bonus for two query words
 *   that follow each other as in a keyword or title ("titre sejour");
 * - rank.ts: specificity (a topic before an item that says nothing more), ties, kinds; per
 *   match, the share of the question it holds and whether another topic holds more of it;
 * - confidence.ts: sure / unsure / none from those (bot/flows/question.ts answers only when sure).
 * Light words ("chercher", "trouver", "demander", "بحث", "طلب": lexicon LIGHT_WORDS) count
 * LIGHT_FACTOR and never make an item more precise than its topic; expressions of stop words
 * ("veulent pas", "dit non": lexicon EXPRESSIONS) read as the word they mean ("refus").
 * Tuned on the even half of tests/eval/questions.json (`npm run eval -- --split`).
 *
 * Cost: the index is built when content is published and stored with the snapshot; a cold
 * isolate only opens it, on its first free-text question (adoptIndex). Measured by
 * scripts/bench-matcher.ts.
 */

/** What reading a question needs of one index, with its lookups memoised. */
export function readerOf(index: IndexView, idf: (term: string) => number): QueryReader {
  /** The exact keywords starting with a word (what follows it), looked up once per word. */
  const exactsAfter = new Map<string, string[]>();
  return {
    has: (term) => index.lookup(term) !== undefined,
    correct: typoCorrector(index.vocab, idf),
    variants: questionVariants(index.arabic, index.dari),
    acronyms: parseAcronyms(index.acronyms),
    hasExacts: index.exacts !== "",
    exactsStartingWith(word) {
      let rests = exactsAfter.get(word);
      if (!rests) {
        const key = `,${word}:`;
        const at = index.exacts.indexOf(key);
        rests =
          at < 0
            ? []
            : index.exacts
                .slice(at + key.length, (index.exacts.indexOf(",", at + key.length) + 1 || index.exacts.length + 1) - 1)
                .split(" ");
        exactsAfter.set(word, rests);
      }
      return rests;
    },
  };
}

/** "kind:id" → { kind, id } per document. */
export function targetsOf(index: IndexView): MatchTarget[] {
  return index.docs.map((ref) => {
    const at = ref.indexOf(":");
    return { kind: ref.slice(0, at) as MatchTarget["kind"], id: ref.slice(at + 1) };
  });
}

/** A question → its terms → scores → ranked matches. */
function matcherOver(index: IndexView): Matcher {
  const docs = targetsOf(index);
  const idf = idfOf(index);
  const reader = readerOf(index, idf);
  return {
    match(text) {
      const query = readQuery(text, reader);
      if (!query) return [];
      return rankMatches(docs, index.parents, scoreQuery(index, query, idf));
    },
    knownWords(text) {
      const kept: string[] = [];
      for (const token of normalize(text).split(" "))
        if (token && !/\d{3}/.test(token) && stemsOfToken(token).every((s) => reader.has(s))) kept.push(token);
      return kept.join(" ");
    },
  };
}

/** A matcher over a built index. */
export function matcherFromIndex(index: MatchIndex): Matcher {
  return matcherOver(viewOfIndex(index));
}

/** A matcher over a stored index (stored.ts), or null if it is of another version. */
export function matcherFromStored(stored: string): Matcher | null {
  const index = openStored(stored);
  return index ? matcherOver(index) : null;
}

export function createMatcher(bundle: ContentBundle): Matcher {
  return matcherFromIndex(buildIndex(bundle));
}

const cache = new WeakMap<object, Matcher>();

/** Uses the index stored with a snapshot (serializeIndex); false for one of another version (ignored, rebuilt on use). */
export function adoptIndex(bundle: object, stored: string): boolean {
  const matcher = matcherFromStored(stored);
  if (matcher) cache.set(bundle, matcher);
  return matcher !== null;
}

/** The matcher for a content snapshot: its stored index, or built on first use; kept while the snapshot lives. */
export function matcherFor(bundle: ContentBundle): Matcher {
  let matcher = cache.get(bundle);
  if (!matcher) {
    matcher = createMatcher(bundle);
    cache.set(bundle, matcher);
  }
  return matcher;
}
