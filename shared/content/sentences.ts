/**
 * Which sentences of a French text changed since a translation was made: the text is cut
 * into sentences (after . ! ? … and at line breaks), compared as sets. Pure.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export type MarkedSentence = { text: string; changed: boolean };

/** The current French, sentence by sentence, each marked when it was not in the French of then; and what was removed. */
export function changedSentences(then: string, now: string): { sentences: MarkedSentence[]; removed: string[] } {
  const before = new Set(sentencesOf(then));
  const current = sentencesOf(now);
  const after = new Set(current);
  return {
    sentences: current.map((text) => ({ text, changed: !before.has(text) })),
    removed: [...before].filter((s) => !after.has(s)),
  };
}
