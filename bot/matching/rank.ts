import type { Scores } from "./score.ts";

/**
 * Ranking. Specificity first: a topic is lifted just above its best item when that item says
 * nothing more than the topic (no query word in its title that the topic's title lacks, none
 * that at most DISTINCT siblings have as keyword) and scores at most TOPIC_MARGIN above it
 * ("je cherche un logement" is the housing topic, not its first step). Then by score; ties
 * (same score to the thousandth) go to the item whose title or question holds more of the
 * query's words, then to the one whose topic matches best (a stray item of another topic that
 * shares a keyword loses), then to the most precise kind. Tuned on the even half of
 * tests/eval/questions.json.
 */

export type MatchTarget = { kind: "faq" | "step" | "topic"; id: string };
export type Match = MatchTarget & { score: number };

const TOPIC_MARGIN = 1.1;
/** A child's query word is its own when at most this many siblings have it as title or keyword. */
const DISTINCT = 1;
const MAX_RESULTS = 5;
/** On a tie, the most precise answer first. */
const KIND_ORDER = { faq: 0, step: 1, topic: 2 } as const;

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits >>> 0; b !== 0; b >>>= 1) n += b & 1;
  return n;
}

/** The best matches, most likely first (the scores of lifted topics are raised in place). */
export function rankMatches(docs: MatchTarget[], parents: number[], s: Scores): Match[] {
  const { scores, lightScores, titleHits } = s;
  const rounded = (doc: number) => Math.round(scores[doc]! * 1000);
  const family = (doc: number) => scores[(parents[doc] ?? -1) < 0 ? doc : parents[doc]!]!;
  const rank = (a: number, b: number) =>
    rounded(b) - rounded(a) ||
    bitCount(titleHits[b]!) - bitCount(titleHits[a]!) ||
    family(b) - family(a) ||
    KIND_ORDER[docs[a]!.kind] - KIND_ORDER[docs[b]!.kind];
  const bestChild = new Int32Array(docs.length).fill(-1);
  for (let doc = 0; doc < docs.length; doc++) {
    const parent = parents[doc] ?? -1;
    if (parent >= 0 && scores[doc]! > 0 && (bestChild[parent]! < 0 || rank(doc, bestChild[parent]!) < 0)) bestChild[parent] = doc;
  }
  for (let parent = 0; parent < docs.length; parent++) {
    const child = bestChild[parent]!;
    if (child < 0 || scores[parent]! <= 0) continue;
    const adds = (titleHits[child]! & ~titleHits[parent]!) | rareWords(s, parent, child);
    if (adds === 0 && scores[child]! >= scores[parent]! && scores[child]! - lightScores[child]! <= (scores[parent]! - lightScores[parent]!) * TOPIC_MARGIN) scores[parent] = scores[child]! * 1.001;
  }
  const ranked: number[] = [];
  for (let doc = 0; doc < docs.length; doc++) if (scores[doc]! > 0) ranked.push(doc);
  return ranked
    .sort(rank)
    .slice(0, MAX_RESULTS)
    .map((doc) => ({ ...docs[doc]!, score: rounded(doc) / 1000 }));
}

/**
 * What the child says more than its topic besides its title: a query word few of its siblings
 * have as keyword ("recepisse" among the papers items, unlike "titre de séjour" that all of them have).
 */
function rareWords(s: Scores, parent: number, child: number): number {
  let rare = 0;
  for (let b = 0, bits = s.strongHits[child]!; bits !== 0; b++, bits >>>= 1) {
    if (bits & 1 && s.holders[parent * 32 + b]! <= DISTINCT) rare |= 1 << b;
  }
  return rare;
}
