/**
 * Typo correction: a question's term unknown to the index is corrected towards the keyword and
 * title vocabulary (MatchIndex.vocab, grouped by length): edit distance 1, 2 for long words.
 */

export const FUZZY_FACTOR = 0.75;

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

/**
 * The corrector of one index: the indexed term closest to an unknown one, if a typo away (ties
 * to the rarer term, by `idf`). The vocabulary of one length is split when a typo of about that
 * length first needs it.
 */
export function typoCorrector(vocabulary: string, idf: (term: string) => number): (term: string) => string | null {
  const byLength = new Map<number, string[]>();
  const vocab = `,${vocabulary}`;
  const vocabOfLength = (length: number): string[] => {
    let list = byLength.get(length);
    if (!list) {
      const key = `,${length}:`;
      const at = vocab.indexOf(key);
      const end = at < 0 ? -1 : vocab.indexOf(",", at + key.length);
      list = at < 0 ? [] : vocab.slice(at + key.length, end < 0 ? undefined : end).split(" ");
      byLength.set(length, list);
    }
    return list;
  };
  return (term) => {
    if (term.length < 5 || term.startsWith("~")) return null;
    const max = term.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = max + 1;
    for (let length = term.length - max; length <= term.length + max; length++) {
      for (const candidate of vocabOfLength(length)) {
        // Typos rarely touch both of the first two letters.
        if (candidate[0] !== term[0] && candidate[1] !== term[1] && candidate[0] !== term[1]) continue;
        const d = editDistance(term, candidate, Math.min(max, bestDistance));
        if (d < bestDistance || (d === bestDistance && best !== null && idf(candidate) > idf(best))) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return bestDistance <= max ? best : null;
  };
}
