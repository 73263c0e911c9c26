import { shareOf, type Scores } from "./score.ts";

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
/**
 * For confidence.ts: `coverage`, the share of the question's weight of meaning the item holds
 * (score.ts); `offTopic`, how much more of it the items of another topic hold than those of the
 * item's own topic (0 when none does); `missesFocus`, whether it lacks more than a third of the
 * words a definition question asks about ("c'est quoi l'accueil solidaire" is not answered by an
 * item that names only "solidaire"); `held` of the question's `words` of meaning the item holds
 * (in any field); `rest`, the share of the question's weight beyond the heaviest word the item is
 * about (title, question or keywords), and `restAbout`, the share of that rest it is about too
 * ("je peux avoir un logement avec mon copain": the domestic violence step is about "copain",
 * holds "logement" only in its body); `topic`, the id of its topic (its own id for a topic or an
 * orphan); `unansweredShare`, the share of the question held by the heaviest word it lacks that
 * another of the closest items is about ("زما بانکي کارت ورک شو", my bank card got lost: the
 * bank account step lacks "lost", the papers step is about it).
 */
export type Match = MatchTarget & {
  score: number;
  coverage: number;
  offTopic: number;
  missesFocus: boolean;
  held: number;
  words: number;
  rest: number;
  restAbout: number;
  topic: string;
  unansweredShare: number;
};

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
    if (parent >= 0 && scores[doc]! > 0 && (bestChild[parent]! < 0 || rank(doc, bestChild[parent]!) < 0))
      bestChild[parent] = doc;
  }
  for (let parent = 0; parent < docs.length; parent++) {
    const child = bestChild[parent]!;
    if (child < 0 || scores[parent]! <= 0) continue;
    const adds = (titleHits[child]! & ~titleHits[parent]!) | rareWords(s, parent, child);
    if (
      adds === 0 &&
      scores[child]! >= scores[parent]! &&
      scores[child]! - lightScores[child]! <= (scores[parent]! - lightScores[parent]!) * TOPIC_MARGIN
    )
      scores[parent] = scores[child]! * 1.001;
  }
  const ranked: number[] = [];
  for (let doc = 0; doc < docs.length; doc++) if (scores[doc]! > 0) ranked.push(doc);
  const best = ranked.sort(rank).slice(0, MAX_RESULTS);
  if (best.length === 0) return [];
  const families = familyShares(parents, s);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return best.map((doc) => {
    const own = families.get(topicOf(parents, doc)) ?? 0;
    let rival = 0;
    for (const [topic, share] of families) if (topic !== topicOf(parents, doc) && share > rival) rival = share;
    const focus = bitCount(s.focusWords);
    const missesFocus = focus > 0 && bitCount(s.focusWords & s.wordHits[doc]!) * 3 < focus * 2;
    const { rest, restAbout } = restOf(s, doc);
    let aboutElsewhere = 0;
    for (const other of best) if (other !== doc) aboutElsewhere |= s.aboutHits[other]!;
    return {
      ...docs[doc]!,
      score: rounded(doc) / 1000,
      coverage: round(shareOf(s, s.wordHits[doc]!)),
      offTopic: round(Math.max(0, rival - own)),
      missesFocus,
      held: bitCount(s.wordHits[doc]!),
      words: s.wordCount,
      rest: round(rest),
      restAbout: round(restAbout),
      topic: docs[topicOf(parents, doc)]!.id,
      unansweredShare: round(heaviestShare(s, aboutElsewhere & ~s.wordHits[doc]!)),
    };
  });
}

/** A word an item holds only in its body backs it this much of one it is about (title, question, keywords). */
export const BODY_BACKING = 0.5;

/**
 * Beyond the heaviest word an item is about, the share of the question left, and how much of
 * that rest the item backs: the words it is about, and at BODY_BACKING those only in its body.
 */
function restOf(s: Scores, doc: number): { rest: number; restAbout: number } {
  const about = s.aboutHits[doc]!;
  let top = -1;
  for (let b = 0, bits = about; bits !== 0; b++, bits >>>= 1)
    if (bits & 1 && (top < 0 || s.wordWeights[b]! > s.wordWeights[top]!)) top = b;
  const left = s.meaning - (top < 0 ? 0 : s.wordWeights[top]!);
  if (s.meaning <= 0 || left <= 0) return { rest: 0, restAbout: 1 };
  const topBit = top < 0 ? 0 : 1 << top;
  const backed = shareOf(s, about & ~topBit) + BODY_BACKING * shareOf(s, s.wordHits[doc]! & ~about & ~topBit);
  return { rest: left / s.meaning, restAbout: (backed * s.meaning) / left };
}

/** The share of the question its heaviest word among some words (Query.wordsOf bits) makes. */
function heaviestShare(s: Scores, words: number): number {
  let heaviest = 0;
  for (let b = 0, bits = words; bits !== 0; b++, bits >>>= 1)
    if (bits & 1 && s.wordWeights[b]! > heaviest) heaviest = s.wordWeights[b]!;
  return s.meaning > 0 ? heaviest / s.meaning : 0;
}

const topicOf = (parents: number[], doc: number) => ((parents[doc] ?? -1) < 0 ? doc : parents[doc]!);

/** Per topic (an orphan item on its own), the share of the question its items and itself hold together. */
function familyShares(parents: number[], s: Scores): Map<number, number> {
  const words = new Map<number, number>();
  for (let doc = 0; doc < s.wordHits.length; doc++) {
    const held = s.wordHits[doc]!;
    if (held === 0) continue;
    const topic = topicOf(parents, doc);
    words.set(topic, (words.get(topic) ?? 0) | held);
  }
  const shares = new Map<number, number>();
  for (const [topic, held] of words) shares.set(topic, shareOf(s, held));
  return shares;
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
