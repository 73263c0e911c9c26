import { stemsOfToken, wordsOf } from "./terms.ts";

/**
 * Asking what a thing is ("c'est quoi un récépissé", "what is a recepisse", "ما هو الوصل",
 * "رسید چیست", "رسید څه شی دی") puts that thing first: its words (up to FOCUS_WORDS meaningful
 * ones, after the cue, or before it in Persian and Pashto where the cue comes last) count
 * FOCUS_FACTOR in the items' own titles and questions.
 */
export const DEFINITION_CUES = {
  before: [
    "c est quoi",
    "c quoi",
    "cest quoi",
    "what is",
    "whats",
    "what s",
    "what are",
    "what does",
    "ما هو",
    "ما هي",
    "ماهو",
    "ماهي",
  ],
  after: ["چيست", "چي است", "چه است", "چي هست", "څه شي دي", "څه شي ده"],
};
// Written already normalised (a test checks it): normalising Arabic script at start-up compiled a Unicode pattern (~1.4 ms).
const CUES_BEFORE = DEFINITION_CUES.before.map((cue) => cue.split(" "));
const CUES_AFTER = DEFINITION_CUES.after.map((cue) => cue.split(" "));
const FOCUS_WORDS = 3;
export const FOCUS_FACTOR = 2;

/** The stems a definition question is about. */
export function focusOf(text: string, tokens = wordsOf(text)): Set<string> {
  const out = new Set<string>();
  const at = (cue: string[], i: number) => cue.every((w, k) => tokens[i + k] === w);
  const take = (from: number, step: 1 | -1) => {
    let taken = 0;
    for (let j = from; j >= 0 && j < tokens.length && taken < FOCUS_WORDS; j += step) {
      const stems = stemsOfToken(tokens[j]!);
      if (stems.length === 0) continue;
      for (const s of stems) out.add(s);
      taken++;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    for (const cue of CUES_BEFORE) if (at(cue, i)) take(i + cue.length, 1);
    for (const cue of CUES_AFTER) if (at(cue, i)) take(i - 1, -1);
  }
  return out;
}
