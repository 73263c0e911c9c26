import { Clause } from "./clause.ts";
import { CRISIS_LANGS, CUE_CHARS, TRIGGERS } from "./cues.ts";
import { clausesOf, mayHoldCrisis, tagClause } from "./reading.ts";
import {
  danger,
  noShelter,
  overdose,
  selfHarm,
  sexualViolence,
  suicidal,
  violence,
  type CrisisCategory,
} from "./rules.ts";

export type { CrisisCategory };

/** Every category, most urgent first: the first one found is the one answered first. */
export const CRISIS_CATEGORIES = [
  "overdose",
  "suicide",
  "self_harm",
  "danger",
  "sexual_violence",
  "violence",
  "shelter",
] as const satisfies readonly CrisisCategory[];

/** What was found: the category answered first, the others found too, and whether someone may be hurt now. */
export type CrisisHit = { category: CrisisCategory; severe: boolean; also?: CrisisCategory[] };

const TRIGGER_CHARS = TRIGGERS.map((cue) => CUE_CHARS[cue]).join("");
const HEIGHT = CUE_CHARS.height;
const triggered = (tags: string[]) => tags.some((t) => t !== "" && [...t].some((c) => TRIGGER_CHARS.includes(c)));

/** Long texts are read up to here: a crisis is said in a few words, and the check runs on every turn. */
const MAX_CHARS = 2000;

/**
 * Crisis detection, run on every free text before anything else. The text is cut into
 * clauses and each word tagged with cue families by the lexicon of each language of its
 * script (reading.ts); rules.ts then looks for combinations of families (wanting + dying,
 * not wanting + living, pills + a dangerous amount + taken…) with negation, person and tense.
 * Nothing is built at module load; a language's table is parsed the first time a text in its
 * script is read. Tuned to miss nothing: a false alarm costs one gentle message.
 */
export function crisisCategories(text: string): Set<CrisisCategory> {
  const found = new Set<CrisisCategory>();
  const clauses = clausesOf(text.slice(0, MAX_CHARS));
  for (let c = 0; c < clauses.length; c++) {
    const tokens = clauses[c]!;
    if (!mayHoldCrisis(tokens)) continue;
    for (const lang of CRISIS_LANGS) {
      const tagged = tagClause(lang, tokens);
      if (!tagged || !triggered(tagged.tags)) continue;
      // Asked only by a wish to jump with no height in its own clause: the earlier clauses are tagged then.
      const heightBefore = () =>
        clauses.slice(0, c).some((earlier) => tagClause(lang, earlier)?.tags.some((t) => t.includes(HEIGHT)));
      const clause = new Clause(tagged, heightBefore);
      const pills = overdose(clause);
      if (pills === "taken") found.add("overdose");
      if (pills === "intent" || suicidal(clause)) found.add("suicide");
      if (selfHarm(clause)) found.add("self_harm");
      if (danger(clause)) found.add("danger");
      if (sexualViolence(clause)) found.add("sexual_violence");
      const hit = violence(clause);
      if (hit) found.add(hit);
      if (noShelter(clause)) found.add("shelter");
    }
  }
  return found;
}

/** The most urgent crisis signal in a free text, with the others found, or null. */
export function detectCrisis(text: string): CrisisHit | null {
  const found = crisisCategories(text);
  const [category, ...also] = CRISIS_CATEGORIES.filter((c) => found.has(c));
  if (!category) return null;
  return { category, severe: category !== "shelter", ...(also.length > 0 ? { also } : {}) };
}
